"""The window shell: one console run, its window, menus, languages and themes; it adds the
screens listed in ``console.screens`` and knows nothing inside them."""

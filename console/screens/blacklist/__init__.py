"""The blacklist tab (黑名单): list, filters, detail with history, add / edit / lift, CSV."""

"""Languages: Qt translators for Simplified Chinese and English, switched at run time."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from console.common.language import language_events

LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    """zh_CN on a Chinese system locale, English otherwise."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def qm_path(lang: str) -> Path:
    return Path(str(resources.files("resources").joinpath(
        "translations", f"callfloor_{lang}.qm")))


class Translations(QObject):
    """Installs the app's and Qt's own catalogue; installing sends LanguageChange to widgets."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def switch(self, lang: str) -> None:
        """Switch every visible string; English is the source language, so no catalogue."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = lang
        if lang != "en":
            own = QTranslator(self)
            if not own.load(str(qm_path(lang))):
                raise FileNotFoundError(f"translation catalogue missing: {qm_path(lang)}")
            qt = QTranslator(self)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{lang}", qt_dir):
                self.app.installTranslator(qt)
                self._installed.append(qt)
            self.app.installTranslator(own)
            self._installed.append(own)
            QLocale.setDefault(QLocale(lang))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            # removing the last translator posts LanguageChange too; make sure it is sent
            from PySide6.QtCore import QEvent

            QCoreApplication.sendEvent(self.app, QEvent(QEvent.Type.LanguageChange))
        language_events().changed.emit()  # the objects that are not widgets

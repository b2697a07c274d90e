"""The console's look: readable at arm's length in a dim room, calm colours."""

CONSOLE_STYLE = """
QMainWindow, QWidget#PresenterConsole { background: #f3f4f6; }
QWidget { font-size: 14px; }
QFrame#statusStrip { background: #ffffff; border: 1px solid #d1d5db; border-radius: 8px; }
QLabel#readoutCaption { color: #4b5563; font-size: 12px; }
QLabel#readoutValue { font-size: 24px; font-weight: bold; color: #111827; }
QLabel#numberBuffer { font-size: 20px; font-weight: bold; color: #1d4ed8; }
QLabel#previewLabel { font-size: 15px; font-weight: bold; color: #374151; }
QLabel#keyHints { color: #4b5563; font-size: 12px; }
QTextBrowser#notes { background: #ffffff; border: 1px solid #d1d5db; border-radius: 6px;
    padding: 6px; color: #111827; }
QLabel#countdownValue { font-size: 30px; font-weight: bold; color: #111827; }
QLabel#mythState { font-weight: bold; color: #374151; }
QLabel#banner_warning { background: #fff4d6; color: #5c3c00; border: 1px solid #e0b252;
    border-radius: 6px; padding: 6px 10px; font-size: 14px; }
QLabel#banner_error { background: #fde2e1; color: #7a1010; border: 1px solid #e08080;
    border-radius: 6px; padding: 6px 10px; font-size: 14px; font-weight: bold; }
QLabel#banner_info { background: #e0f0ea; color: #12412b; border: 1px solid #84bfa3;
    border-radius: 6px; padding: 6px 10px; font-size: 14px; }
QFrame#resumeBanner { background: #e3ecfb; border: 1px solid #8aa8e0; border-radius: 6px; }
QFrame#resumeBanner QLabel { color: #14305e; font-size: 15px; font-weight: bold; }
QPushButton#resumeButton { font-weight: bold; }
QLabel#recordHint { color: #4b5563; font-size: 13px; }
QGroupBox { font-weight: bold; border: 1px solid #d1d5db; border-radius: 6px;
    margin-top: 10px; padding-top: 6px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QPushButton { padding: 6px 12px; font-size: 14px; }
QTreeWidget, QListWidget { background: #ffffff; font-size: 14px; }
"""

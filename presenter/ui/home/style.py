"""The look of the organizer's windows (home, preview, settings): calm and plain."""

HOME_STYLE = """
QMainWindow, QDialog { background: #f4f5f7; }
QWidget { font-size: 14px; color: #1f2937; }
QLabel#heading { font-size: 22px; font-weight: bold; color: #111827; }
QLabel#subheading { font-size: 13px; color: #4b5563; }
QLabel#sectionTitle { font-size: 15px; font-weight: bold; color: #374151; padding-top: 4px; }
QLabel#deckTitle { font-size: 20px; font-weight: bold; color: #111827; }
QLabel#deckMeta { color: #374151; }
QLabel#slideInfo { color: #374151; font-weight: bold; padding: 2px 0 6px 0; }
QLabel#status_clean { color: #14532d; background: #dcfce7; border-radius: 6px; padding: 4px 8px; }
QLabel#status_warnings { color: #713f12; background: #fef3c7; border-radius: 6px;
    padding: 4px 8px; }
QLabel#status_errors { color: #7f1d1d; background: #fee2e2; border-radius: 6px;
    padding: 4px 8px; font-weight: bold; }
QLabel#status_pending { color: #374151; background: #e5e7eb; border-radius: 6px;
    padding: 4px 8px; }
QLabel#banner_error { background: #fde2e1; color: #7a1010; border: 1px solid #e08080;
    border-radius: 6px; padding: 8px 12px; font-weight: bold; }
QLabel#banner_info { background: #e0f0ea; color: #12412b; border: 1px solid #84bfa3;
    border-radius: 6px; padding: 8px 12px; }
QFrame#card, QFrame#guide { background: #ffffff; border: 1px solid #d1d5db;
    border-radius: 8px; }
QFrame#guide { background: #eef6f2; border-color: #a7d3bd; }
QTextBrowser { background: #ffffff; border: 1px solid #d1d5db; border-radius: 6px;
    padding: 6px; }
QTextBrowser#guideText { background: transparent; border: none; padding: 0; }
QListWidget, QTreeWidget { background: #ffffff; border: 1px solid #d1d5db;
    border-radius: 6px; }
QListWidget#problems { background: #fffaf0; border: 1px solid #e0b252; }
QListWidget::item { padding: 4px; }
QTreeWidget#library::item { padding: 5px 2px; }
QListWidget::item:selected, QTreeWidget::item:selected { background: #dbeafe;
    color: #111827; }
QPushButton { padding: 7px 14px; border: 1px solid #9ca3af; border-radius: 6px;
    background: #ffffff; }
QPushButton:hover { background: #f3f4f6; }
QPushButton:disabled { color: #9ca3af; border-color: #d1d5db; }
QPushButton#primary { background: #1d4ed8; color: #ffffff; border-color: #1d4ed8;
    font-weight: bold; }
QPushButton#primary:hover { background: #1e40af; }
QPushButton#primary:disabled { background: #93c5fd; border-color: #93c5fd; }
QGroupBox { font-weight: bold; border: 1px solid #d1d5db; border-radius: 6px;
    margin-top: 12px; padding: 10px 8px 8px 8px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
"""

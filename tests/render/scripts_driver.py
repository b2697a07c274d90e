"""Draw one slide per bundled script, and the emoji, in a process with no system fonts.

Run by ``test_render_every_script.py`` with ``FONTCONFIG_FILE`` pointing at a config
that lists no font folders, so only the fonts the app bundles can draw anything.
Prints one JSON object: Qt's font warnings, the characters no font could draw, and
for each sample whether it differs from the same slide drawn with missing-glyph boxes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSize, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication

SAMPLES = {
    "devanagari": "## मानव तस्करी\n\nआप किसी भी समय बाहर जा सकते हैं।",
    "bengali": "## মানব পাচার\n\nআপনি যেকোনো সময় বাইরে যেতে পারেন।",
    "thai": "## การค้ามนุษย์\n\nคุณออกไปได้ทุกเมื่อ",
    "khmer": "## ការជួញដូរមនុស្ស\n\nអ្នកអាចចេញបានគ្រប់ពេល",
    "myanmar": "## လူကုန်ကူးမှု\n\nသင် အချိန်မရွေး ထွက်သွားနိုင်သည်",
    "ethiopic": "## የሰው ልጅ ዝውውር\n\nበማንኛውም ጊዜ መውጣት ይችላሉ።",
    "arabic": "## الاتجار بالبشر\n\nيمكنك المغادرة في أي وقت ١٢٣",
    "hebrew": "## סחר בבני אדם\n\nאפשר לצאת בכל רגע",
    "emoji": "## 📱 💬 🚫\n\nOnline safety ⚠️ 🙋 👍 ✅ ❤️",
    "mixed": "## Help: हेल्प · ช่วย · مساعدة 📞\n\n- **हिन्दी** ไทย বাংলা\n- ខ្មែរ မြန်မာ አማርኛ עברית",
}
LANGUAGES = {"arabic": "ar", "hebrew": "he"}


def main(out_dir: str | None) -> None:
    warnings: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            warnings.append(message)

    qInstallMessageHandler(handler)
    app = QGuiApplication(["scripts", "-platform", "offscreen"])
    from presenter.core.session.view import SlideView
    from presenter.render import SlideRenderer, load_theme
    from presenter.render.fonts import ensure_fonts, undrawable
    from tests.render.conftest import deck_from

    bundled = ensure_fonts()
    tmp = Path(out_dir or ".")
    result: dict[str, object] = {"bundled": bundled, "samples": {}}
    for name, body in SAMPLES.items():
        lang = LANGUAGES.get(name, "en")
        text = f"---\ntitle: {name}\nlanguage: {lang}\n---\n{body}\n"
        renderer = SlideRenderer(deck_from(tmp / name, text), load_theme("default"))
        image = renderer.image(SlideView(0), QSize(960, 540))
        boxes = "".join(c if c in "#\n -*" else "\ue000" for c in body)
        tofu = deck_from(tmp / f"{name}-tofu", text.replace(body, boxes))
        tofu_image = SlideRenderer(tofu, load_theme("default")).image(SlideView(0), QSize(960, 540))
        if out_dir:
            image.save(str(tmp / f"{name}.png"))
        result["samples"][name] = {  # type: ignore[index]
            "undrawable": undrawable(body),
            "differs_from_boxes": image != tofu_image,
        }
    result["warnings"] = warnings
    print(json.dumps(result, ensure_ascii=False))
    del app


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)

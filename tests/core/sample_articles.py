"""Small fictional Arabic news articles for the research-feature tests and the README screenshot.

Invented for Iqtibas (no real outlet's text), so they may live in the repository. Quotes, speakers
and cues are placed by hand (``sample_documents``), so tests do not depend on the automatic
annotator; ``annotated_sample_corpus`` runs the real annotator instead, for the screenshot.
"""

from __future__ import annotations

from pathlib import Path

from core.jsonformat import save_document
from core.model import Annotation, Document

ARTICLES: dict[str, str] = {
    "port-expansion": (
        "توسعة ميناء الساحل الشرقي تبدأ الشهر المقبل ⚓\n"
        "قالت وزيرة النقل هدى السالم إن أعمال توسعة الميناء ستبدأ مطلع الشهر المقبل.\n"
        "وأضافت السالم: «سيضاعف المشروع قدرة الميناء خلال ثلاث سنوات، وسيوفر أربعة آلاف فرصة عمل».\n"
        "من جهته، أكد رئيس غرفة التجارة كريم ناصيف أن التجار ينتظرون المشروع منذ عقد.\n"
        "وقال ناصيف: «كل يوم تأخير يكلفنا الكثير».\n"
        "المصدر: وكالات"
    ),
    "heat-wave": (
        "موجة حر غير مسبوقة تضرب المدن الساحلية\n"
        "أعلنت هيئة الأرصاد أن درجات الحرارة ستتجاوز 𞸀 الأربعين طوال الأسبوع.\n"
        "وقال مدير الهيئة سامر الحلبي: «ننصح السكان بتجنب الخروج في ساعات الظهيرة».\n"
        "وأوضح الحلبي أن الموجة ستنحسر يوم الجمعة.\n"
        "وقالت الطبيبة ريم عطا إن المستشفيات استقبلت عشرات حالات الإجهاد الحراري.\n"
        "وأضافت عطا: «كبار السن والأطفال هم الأكثر عرضة للخطر».\n"
        "تعليقات الفيسبوك"
    ),
    "library": (
        "افتتاح أكبر مكتبة عامة في العاصمة 📚\n"
        "افتتح رئيس البلدية مازن الخوري المكتبة الجديدة صباح السبت.\n"
        "وقال الخوري: «المكتبة مفتوحة للجميع مجانا، ونريدها بيتا ثانيا للطلاب».\n"
        "وأكدت أمينة المكتبة سلوى حداد أن المكتبة تضم أكثر من مئتي ألف كتاب.\n"
        "وقالت حداد: «خصصنا طابقا كاملا لكتب الأطفال».\n"
        "ووصفت الطالبة نور الهدى المكتبة بأنها «حلم تحقق»."
    ),
    "football": (
        "المنتخب يتأهل إلى النهائي بعد فوز صعب\n"
        "قال مدرب المنتخب فادي يوسف إن الفريق لعب بروح عالية رغم الإصابات.\n"
        "وأضاف يوسف: «اللاعبون قدموا كل ما لديهم، والجمهور كان لاعبنا الثاني».\n"
        "وقال قائد الفريق علي مراد: «سنقاتل في النهائي من أجل الكأس».\n"
        "وأكد مراد أن اللاعبين سيحصلون على راحة يومين.\n"
        "اقرأ أيضا: جدول مباريات الدور النهائي"
    ),
}

# Per article: (quote text, kind, canonical speaker, mention as written or None, cue as written).
QUOTES: dict[str, list[tuple[str, str, str, str | None, str]]] = {
    "port-expansion": [
        ("أعمال توسعة الميناء ستبدأ مطلع الشهر المقبل", "indirect", "هدى السالم", "وزيرة النقل هدى السالم", "قالت"),
        ("سيضاعف المشروع قدرة الميناء خلال ثلاث سنوات، وسيوفر أربعة آلاف فرصة عمل", "direct", "هدى السالم", "السالم", "وأضافت"),
        ("التجار ينتظرون المشروع منذ عقد", "indirect", "كريم ناصيف", "رئيس غرفة التجارة كريم ناصيف", "أكد"),
        ("كل يوم تأخير يكلفنا الكثير", "direct", "كريم ناصيف", "ناصيف", "وقال"),
    ],
    "heat-wave": [
        ("درجات الحرارة ستتجاوز 𞸀 الأربعين طوال الأسبوع", "indirect", "هيئة الأرصاد", "هيئة الأرصاد", "أعلنت"),
        ("ننصح السكان بتجنب الخروج في ساعات الظهيرة", "direct", "سامر الحلبي", "مدير الهيئة سامر الحلبي", "وقال"),
        ("الموجة ستنحسر يوم الجمعة", "indirect", "سامر الحلبي", "الحلبي", "وأوضح"),
        ("المستشفيات استقبلت عشرات حالات الإجهاد الحراري", "indirect", "ريم عطا", "الطبيبة ريم عطا", "وقالت"),
        ("كبار السن والأطفال هم الأكثر عرضة للخطر", "direct", "ريم عطا", "عطا", "وأضافت"),
    ],
    "library": [
        ("المكتبة مفتوحة للجميع مجانا، ونريدها بيتا ثانيا للطلاب", "direct", "مازن الخوري", "الخوري", "وقال"),
        ("المكتبة تضم أكثر من مئتي ألف كتاب", "indirect", "سلوى حداد", "أمينة المكتبة سلوى حداد", "وأكدت"),
        ("خصصنا طابقا كاملا لكتب الأطفال", "direct", "سلوى حداد", "حداد", "وقالت"),
        ("حلم تحقق", "direct", "نور الهدى", "الطالبة نور الهدى", "ووصفت"),
    ],
    "football": [
        ("الفريق لعب بروح عالية رغم الإصابات", "indirect", "فادي يوسف", "مدرب المنتخب فادي يوسف", "قال"),
        ("اللاعبون قدموا كل ما لديهم، والجمهور كان لاعبنا الثاني", "direct", "فادي يوسف", "يوسف", "وأضاف"),
        ("سنقاتل في النهائي من أجل الكأس", "direct", "علي مراد", "قائد الفريق علي مراد", "وقال"),
        ("اللاعبين سيحصلون على راحة يومين", "indirect", "علي مراد", "مراد", "وأكد"),
    ],
}
BOILERPLATE = {"port-expansion": "المصدر: وكالات", "heat-wave": "تعليقات الفيسبوك", "football": "اقرأ أيضا: جدول مباريات الدور النهائي"}


def sample_documents(status: str = "accepted") -> list[Document]:
    """The articles with hand-placed title, boilerplate, quotes, speaker mentions and cues."""
    documents = []
    for name, text in ARTICLES.items():
        document = Document(text, id=name, source=f"{name}.txt")
        title = text.split("\n", 1)[0]
        document.add(Annotation(document.new_id("title"), "title", 0, len(title), status=status))
        if name in BOILERPLATE:
            start = text.index(BOILERPLATE[name])
            document.add(Annotation(document.new_id("boilerplate"), "boilerplate", start, start + len(BOILERPLATE[name]), status=status))
        for quote_text, kind, speaker, mention, cue in QUOTES[name]:
            start = text.index(quote_text)
            end = start + len(quote_text)
            line_start = text.rindex("\n", 0, start) + 1
            speaker_id = None
            if mention is not None:
                m_start = text.index(mention, line_start)
                speaker_id = document.add(Annotation(
                    document.new_id("speaker"), "speaker", m_start, m_start + len(mention), status=status, speaker=speaker,
                )).id
            c_start = text.index(cue, line_start)
            cue_id = document.add(Annotation(document.new_id("cue"), "cue", c_start, c_start + len(cue), status=status)).id
            document.add(Annotation(
                document.new_id("quote"), "quote", start, end, status=status, kind=kind, speaker=speaker,
                speaker_id=speaker_id, cue=cue, cue_id=cue_id,
            ))
        documents.append(document)
    return documents


def write_sample_corpus(folder: Path) -> list[Path]:
    """Article ``.txt`` files and hand-annotated ``.iqtibas.json`` files beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in sample_documents():
        (folder / f"{document.id}.txt").write_text(document.text, encoding="utf-8")
        paths.append(save_document(document, folder / f"{document.id}.iqtibas.json", keep_backup=False))
    return paths


def annotated_sample_corpus(folder: Path, *, reviewed: tuple[str, ...] = ("library", "football")) -> None:
    """The articles plus the bundled sample, annotated by the real annotator; ``reviewed`` ones
    have every pending annotation accepted (as if a person had reviewed them)."""
    from core.articles import document_from_text
    from core.resources import SAMPLE_ARTICLE, read_text

    folder.mkdir(parents=True, exist_ok=True)
    texts = dict(ARTICLES)
    texts["green-valley"] = read_text(SAMPLE_ARTICLE)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        document = document_from_text(text, doc_id=name, source=f"{name}.txt")
        if name in reviewed:
            for annotation in list(document):
                if annotation.status == "pending":
                    document.set_status(annotation.id, "accepted")
        save_document(document, folder / f"{name}.iqtibas.json", keep_backup=False)
    (folder / "unannotated.txt").write_text("خبر لم يُفتح بعد\nقال أحدهم: «لاحقا».", encoding="utf-8")

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <source>Mark as &amp;title</source>
        <translation>تعليم كـ&amp;عنوان</translation>
    </message>
    <message>
        <source>Mark as &amp;heading</source>
        <translation>تعليم كعنوان &amp;فرعي</translation>
    </message>
    <message>
        <source>Mark as &amp;paragraph</source>
        <translation>تعليم كـ&amp;فقرة</translation>
    </message>
    <message>
        <source>Mark as &amp;boilerplate</source>
        <translation>تعليم كنص &amp;زائد</translation>
    </message>
    <message>
        <source>Mark as &amp;direct quote</source>
        <translation>تعليم كاقتباس &amp;مباشر</translation>
    </message>
    <message>
        <source>Mark as &amp;indirect quote</source>
        <translation>تعليم كاقتباس &amp;غير مباشر</translation>
    </message>
    <message>
        <source>Mark as &amp;speaker mention</source>
        <translation>تعليم كذكر لـ&amp;لمتكلم</translation>
    </message>
    <message>
        <source>Mark as &amp;cue</source>
        <translation>تعليم كـ&amp;فعل قول</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;فتح…</translation>
    </message>
    <message>
        <source>Open an article, an annotation file or a corpus</source>
        <translation>فتح مقال أو ملف توصيف أو مجموعة مقالات</translation>
    </message>
    <message>
        <source>Open &amp;corpus folder…</source>
        <translation>فتح مجلد &amp;مجموعة مقالات…</translation>
    </message>
    <message>
        <source>Open the &amp;sample article</source>
        <translation>فتح المقال الن&amp;موذجي</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>Save NAME.iqtibas.json beside the article</source>
        <translation>حفظ NAME.iqtibas.json بجانب المقال</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>حفظ &amp;باسم…</translation>
    </message>
    <message>
        <source>&amp;Next article</source>
        <translation>المقال ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous article</source>
        <translation>المقال ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Compare with another annotation…</source>
        <translation>&amp;مقارنة بتوصيف آخر…</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;Filter the outline</source>
        <translation>&amp;تصفية المخطط</translation>
    </message>
    <message>
        <source>Move focus: article, outline, details</source>
        <translation>نقل التركيز: المقال، المخطط، التفاصيل</translation>
    </message>
    <message>
        <source>With text selected: create (snapped to whole words; hold Shift for the exact selection). Otherwise: change the current annotation&apos;s type.</source>
        <translation>مع نص محدد: إنشاء توصيف (يُضبط على كلمات كاملة؛ اضغط Shift للتحديد كما هو). وإلا: تغيير نوع التوصيف الحالي.</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>&amp;حذف التوصيف</translation>
    </message>
    <message>
        <source>Toggle direct/indirect</source>
        <translation>تبديل مباشر/غير مباشر</translation>
    </message>
    <message>
        <source>Set boundaries from selection</source>
        <translation>ضبط الحدود من التحديد</translation>
    </message>
    <message>
        <source>end</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <source>start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>a word</source>
        <translation>كلمة</translation>
    </message>
    <message>
        <source>a character</source>
        <translation>حرفا</translation>
    </message>
    <message>
        <source>left</source>
        <translation>اليسار</translation>
    </message>
    <message>
        <source>right</source>
        <translation>اليمين</translation>
    </message>
    <message>
        <source>Move the %1 %2 to the %3</source>
        <translation>تحريك %1 %2 إلى %3</translation>
    </message>
    <message>
        <source>Edit &amp;speaker</source>
        <translation>تحرير ال&amp;متكلم</translation>
    </message>
    <message>
        <source>&amp;Link to a speaker mention</source>
        <translation>&amp;ربط بذكر للمتكلم</translation>
    </message>
    <message>
        <source>Edit &amp;cue</source>
        <translation>تحرير &amp;فعل القول</translation>
    </message>
    <message>
        <source>&amp;Merge speakers…</source>
        <translation>&amp;دمج متكلمين…</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;قبول</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;رفض</translation>
    </message>
    <message>
        <source>&amp;Next pending</source>
        <translation>المعلّق ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous pending</source>
        <translation>المعلّق ال&amp;سابق</translation>
    </message>
    <message>
        <source>Most &amp;doubtful first</source>
        <translation>الأكثر &amp;شكا أولا</translation>
    </message>
    <message>
        <source>&amp;Reading order</source>
        <translation>ترتيب ال&amp;قراءة</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>إعادة ال&amp;حجم</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة ال&amp;مفاتيح</translation>
    </message>
    <message>
        <source>&amp;About Iqtibas</source>
        <translation>&amp;عن اقتباس</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>فتح &amp;حديث</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>تو&amp;صيف</translation>
    </message>
    <message>
        <source>&amp;Boundaries</source>
        <translation>ال&amp;حدود</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>توصيف</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>Open an article (Ctrl+O) or drop a file here.</source>
        <translation>افتح مقالا (Ctrl+O) أو أفلت ملفا هنا.</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>only in A (this document)</source>
        <translation>في أ فقط (هذه الوثيقة)</translation>
    </message>
    <message>
        <source>only in B (compared file)</source>
        <translation>في ب فقط (الملف المقارَن)</translation>
    </message>
    <message>
        <source>different boundary</source>
        <translation>حدود مختلفة</translation>
    </message>
    <message>
        <source>different kind</source>
        <translation>نوع مختلف</translation>
    </message>
    <message>
        <source>different speaker</source>
        <translation>متكلم مختلف</translation>
    </message>
    <message>
        <source>different cue</source>
        <translation>فعل قول مختلف</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>في أ فقط</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>في ب فقط</translation>
    </message>
    <message>
        <source>in both, different</source>
        <translation>في كليهما، مختلف</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <source>Cannot compare</source>
        <translation>تتعذر المقارنة</translation>
    </message>
    <message>
        <source>A = this document, B = %1. %2</source>
        <translation>أ = هذه الوثيقة، ب = %1. %2</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>لا اختلافات.</translation>
    </message>
    <message>
        <source>Take A&apos;s version</source>
        <translation>اعتماد نسخة أ</translation>
    </message>
    <message>
        <source>Take B&apos;s version</source>
        <translation>اعتماد نسخة ب</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Keep A (this document)</source>
        <translation>إبقاء أ (هذه الوثيقة)</translation>
    </message>
    <message>
        <source>Take B&apos;s version</source>
        <translation>اعتماد نسخة ب</translation>
    </message>
    <message>
        <source>Stop comparing</source>
        <translation>إنهاء المقارنة</translation>
    </message>
</context>
<context>
    <name>Corpus</name>
    <message>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>تمت مراجعته</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>غير مقروء</translation>
    </message>
    <message>
        <source>unsaved</source>
        <translation>غير محفوظ</translation>
    </message>
</context>
<context>
    <name>CorpusController</name>
    <message>
        <source>Cannot open the folder</source>
        <translation>يتعذر فتح المجلد</translation>
    </message>
    <message>
        <source>%1: no .txt articles in this folder</source>
        <translation>%1: لا مقالات ‎.txt في هذا المجلد</translation>
    </message>
    <message>
        <source>%1 of %2 articles reviewed</source>
        <translation>روجع %1 من %2 مقالا</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Cannot save the copy</source>
        <translation>يتعذر حفظ النسخة</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Selected annotation</source>
        <translation>التوصيف المحدد</translation>
    </message>
    <message>
        <source>Known speaker or a new name, then Enter</source>
        <translation>متكلم معروف أو اسم جديد، ثم Enter</translation>
    </message>
    <message>
        <source>Reporting verb or phrase, then Enter</source>
        <translation>فعل القول أو عبارته، ثم Enter</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>معلّق</translation>
    </message>
    <message>
        <source>Start: word earlier</source>
        <translation>البداية: كلمة قبل</translation>
    </message>
    <message>
        <source>Start: word later</source>
        <translation>البداية: كلمة بعد</translation>
    </message>
    <message>
        <source>End: word earlier</source>
        <translation>النهاية: كلمة قبل</translation>
    </message>
    <message>
        <source>End: word later</source>
        <translation>النهاية: كلمة بعد</translation>
    </message>
    <message>
        <source>Set from selection</source>
        <translation>من التحديد</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>المتكلم</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>الذكر</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>الحدود</translation>
    </message>
    <message>
        <source>Nothing selected. Put the cursor in an annotation or pick one in the outline.</source>
        <translation>لا شيء محدد. ضع المؤشر في توصيف أو اختر واحدا من المخطط.</translation>
    </message>
    <message>
        <source>corrected: %1</source>
        <translation>صُحّح: %1</translation>
    </message>
    <message>
        <source>%1–%2 (%3 characters)</source>
        <translation>%1–%2 (%3 حرفا)</translation>
    </message>
    <message>
        <source>quote %1</source>
        <translation>الاقتباس %1</translation>
    </message>
    <message>
        <source>speaker %1</source>
        <translation>المتكلم %1</translation>
    </message>
    <message>
        <source>(no linked mention)</source>
        <translation>(بلا ذكر مرتبط)</translation>
    </message>
    <message>
        <source>type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <source>start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>end</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>المتكلم</translation>
    </message>
    <message>
        <source>mention</source>
        <translation>الذكر</translation>
    </message>
    <message>
        <source>cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>cue link</source>
        <translation>ربط فعل القول</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Unsaved corrections</source>
        <translation>تصحيحات غير محفوظة</translation>
    </message>
    <message>
        <source>Save your corrections to %1 before closing it?</source>
        <translation>هل تحفظ تصحيحاتك في %1 قبل إغلاقه؟</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;تجاهل</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>إ&amp;لغاء</translation>
    </message>
    <message>
        <source>The article has changed</source>
        <translation>تغيّر نص المقال</translation>
    </message>
    <message>
        <source>Re-annotate the new text? Your reviewed work in the lines that did not change is kept; nothing is saved until you save.</source>
        <translation>هل تعيد تحليل النص الجديد؟ يُحتفظ بما راجعته في الأسطر التي لم تتغير، ولا يُحفظ شيء حتى تحفظ بنفسك.</translation>
    </message>
    <message>
        <source>Re-annotate</source>
        <translation>أعد التحليل</translation>
    </message>
    <message>
        <source>Show the saved text</source>
        <translation>اعرض النص المحفوظ</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>استعادة العمل غير المحفوظ</translation>
    </message>
    <message>
        <source>Iqtibas did not close normally. Unsaved corrections were kept for:
%1

Restore them?</source>
        <translation>لم يُغلق اقتباس بشكل طبيعي. حُفظت تصحيحات غير محفوظة لـ:
%1

هل تستعيدها؟</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
    <message>
        <source>Iqtibas met an unexpected error: %1</source>
        <translation>واجه اقتباس خطأً غير متوقع: %1</translation>
    </message>
    <message>
        <source>Your unsaved corrections were copied to the recovery folder.</source>
        <translation>نُسخت تصحيحاتك غير المحفوظة إلى مجلد الاستعادة.</translation>
    </message>
    <message>
        <source>The details are in the log: %1</source>
        <translation>التفاصيل في السجل: %1</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>حفظ نسخة…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>Open an article or annotation file</source>
        <translation>فتح مقال أو ملف توصيف</translation>
    </message>
    <message>
        <source>Articles and annotations (*.txt *.text *.md *.json);;All files (*)</source>
        <translation>المقالات والتوصيفات (*.txt *.text *.md *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Open a corpus folder</source>
        <translation>فتح مجلد مجموعة مقالات</translation>
    </message>
    <message>
        <source>Save annotations as</source>
        <translation>حفظ التوصيفات باسم</translation>
    </message>
    <message>
        <source>Iqtibas annotations (*.iqtibas.json);;JSON (*.json)</source>
        <translation>توصيفات اقتباس (*.iqtibas.json);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Compare with another annotation of this article</source>
        <translation>المقارنة بتوصيف آخر لهذا المقال</translation>
    </message>
    <message>
        <source>Iqtibas annotations (*.iqtibas.json *.json);;All files (*)</source>
        <translation>توصيفات اقتباس (*.iqtibas.json *.json);;كل الملفات (*)</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <source>Create %1</source>
        <translation>إنشاء %1</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>حذف التوصيف</translation>
    </message>
    <message>
        <source>Change type</source>
        <translation>تغيير النوع</translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation>تغيير الصنف</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Mark pending</source>
        <translation>إعادة إلى المراجعة</translation>
    </message>
    <message>
        <source>Move boundary</source>
        <translation>تحريك الحد</translation>
    </message>
    <message>
        <source>Set speaker</source>
        <translation>تعيين المتكلم</translation>
    </message>
    <message>
        <source>Unlink speaker mention</source>
        <translation>فك الربط بذكر المتكلم</translation>
    </message>
    <message>
        <source>Link speaker mention</source>
        <translation>الربط بذكر المتكلم</translation>
    </message>
    <message>
        <source>Set cue</source>
        <translation>تعيين فعل القول</translation>
    </message>
    <message>
        <source>Merge speakers</source>
        <translation>دمج المتكلمين</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>Not changed: %1</source>
        <translation>لم يتغير شيء: %1</translation>
    </message>
    <message>
        <source>Select some text first, or pick an annotation to change its type.</source>
        <translation>حدد نصا أولا، أو اختر توصيفا لتغيير نوعه.</translation>
    </message>
    <message>
        <source>Pick a speaker in the outline&apos;s speakers index first.</source>
        <translation>اختر متكلما من فهرس المتكلمين في المخطط أولا.</translation>
    </message>
    <message>
        <source>Merge speakers</source>
        <translation>دمج المتكلمين</translation>
    </message>
    <message>
        <source>Merge “%1” into:</source>
        <translation>دمج «%1» في:</translation>
    </message>
    <message>
        <source>Select the new extent in the article first.</source>
        <translation>حدد الامتداد الجديد في المقال أولا.</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Opening %1…</source>
        <translation>جارٍ فتح %1…</translation>
    </message>
    <message>
        <source>Annotating %1… (the text is shown; highlights and outline follow)</source>
        <translation>جارٍ توصيف %1… (النص معروض؛ التلوين والمخطط يتبعان)</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>تعذّر استخدام هذا النموذج</translation>
    </message>
    <message>
        <source>Re-annotating %1…</source>
        <translation>جارٍ إعادة تحليل %1…</translation>
    </message>
    <message>
        <source>%1 reviewed annotations were in changed lines and were not kept</source>
        <translation>لم يُحتفظ بـ %1 من التوسيمات المراجَعة لأنها في أسطر تغيرت</translation>
    </message>
    <message>
        <source>%1: this file could not be opened because of an unexpected problem in Iqtibas</source>
        <translation>%1: تعذر فتح هذا الملف بسبب خلل غير متوقع في اقتباس</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>يتعذر فتح الملف</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>يتعذر الحفظ</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>فشل الحفظ التلقائي: %1</translation>
    </message>
    <message>
        <source>Older recovery copy kept: %1</source>
        <translation>أُبقيت نسخة استعادة أقدم: %1</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>تتعذر الاستعادة</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>استعادة العمل غير المحفوظ</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Indirect quote</source>
        <translation>اقتباس غير مباشر</translation>
    </message>
    <message>
        <source>Direct quote</source>
        <translation>اقتباس مباشر</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>عنوان فرعي</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>قسم</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>فقرة</translation>
    </message>
    <message>
        <source>Boilerplate</source>
        <translation>نص زائد</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <source>Speaker mention</source>
        <translation>ذكر المتكلم</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>غير مباشر</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>آلي</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>يدوي</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>عنوان فرعي</translation>
    </message>
    <message>
        <source>Direct quote</source>
        <translation>اقتباس مباشر</translation>
    </message>
    <message>
        <source>Indirect quote</source>
        <translation>اقتباس غير مباشر</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>المتكلم</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>فعل القول</translation>
    </message>
    <message>
        <source>Boilerplate</source>
        <translation>نص زائد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Corpus</source>
        <translation>مجموعة المقالات</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>المقارنة</translation>
    </message>
    <message>
        <source>No article</source>
        <translation>لا مقال</translation>
    </message>
    <message>
        <source>%1 (annotating…)</source>
        <translation>%1 (جارٍ التوصيف…)</translation>
    </message>
    <message>
        <source>About Iqtibas</source>
        <translation>عن اقتباس</translation>
    </message>
    <message>
        <source>Iqtibas %1 — annotate quotations, speakers and structure in Arabic news articles.</source>
        <translation>اقتباس %1 — توصيف الاقتباسات والمتكلمين وبنية المقالات الإخبارية العربية.</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Outline</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>المقدمة</translation>
    </message>
    <message>
        <source>Boilerplate (%1)</source>
        <translation>نص زائد (%1)</translation>
    </message>
    <message>
        <source>Speakers (%1)</source>
        <translation>المتكلمون (%1)</translation>
    </message>
    <message>
        <source>Speaker: %1</source>
        <translation>المتكلم: %1</translation>
    </message>
    <message>
        <source>Also written: %1</source>
        <translation>يُكتب أيضا: %1</translation>
    </message>
    <message>
        <source>Cue: %1</source>
        <translation>فعل القول: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>الحالة: %1</translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation>الثقة: %1</translation>
    </message>
    <message>
        <source>Speaker confidence: %1</source>
        <translation>الثقة في المتكلم: %1</translation>
    </message>
    <message>
        <source>corrected by a person</source>
        <translation>صحّحه شخص</translation>
    </message>
    <message>
        <source>doubtful: check it first</source>
        <translation>مشكوك فيه: راجعه أولا</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Filter the outline (Ctrl+F): speaker, words…</source>
        <translation>تصفية المخطط (Ctrl+F): متكلم، كلمات…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <source>Saved in the files you correct</source>
        <translation>يُحفظ في الملفات التي تصححها</translation>
    </message>
    <message>
        <source>Bundled model</source>
        <translation>النموذج المرفق</translation>
    </message>
    <message>
        <source>A model file written by “iqtibas train” from your team&apos;s reviewed files; it annotates the articles you open next. Empty: the bundled model.</source>
        <translation>ملف نموذج كتبه الأمر «iqtibas train» من ملفات فريقك المراجَعة؛ يوصّف المقالات التي تفتحها بعد ذلك. إن تُرك فارغًا: النموذج المرفق.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Most doubtful first</source>
        <translation>الأكثر شكا أولا</translation>
    </message>
    <message>
        <source>Reading order</source>
        <translation>ترتيب القراءة</translation>
    </message>
    <message>
        <source>A new language applies to the whole window at once.</source>
        <translation>تُطبَّق اللغة الجديدة على النافذة كلها فورا.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Annotator model</source>
        <translation>نموذج التوصيف الآلي</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Review order</source>
        <translation>ترتيب المراجعة</translation>
    </message>
    <message>
        <source>Article font size</source>
        <translation>حجم خط المقال</translation>
    </message>
    <message>
        <source>Annotator models (*.json)</source>
        <translation>نماذج التوصيف (*.json)</translation>
    </message>
    <message>
        <source>Cannot use this model</source>
        <translation>تعذّر استخدام هذا النموذج</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Nothing left to review.</source>
        <translation>لم يبق شيء للمراجعة.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>In the article: arrows move the cursor, Shift+arrows select (Ctrl+Shift+arrows by word). A type key marks the selection (snapped to whole words; add Shift for the exact selection) or, with nothing selected, changes the current annotation&apos;s type.</source>
        <translation>في المقال: الأسهم تحرك المؤشر، وShift مع الأسهم يحدد (Ctrl+Shift مع الأسهم كلمة كلمة). مفتاح النوع يعلّم التحديد (مضبوطا على كلمات كاملة؛ أضف Shift للتحديد كما هو) أو يغيّر نوع التوصيف الحالي إن لم يكن هناك تحديد.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>To review: %1</source>
        <translation>للمراجعة: %1</translation>
    </message>
</context>
</TS>

"""Shows and edits the current annotation: type, kind, speaker, mention, cue, status, boundaries.

The panel follows the workspace's selection (also after every edit, undo and redo) and never
changes the model itself: each field announces what the user asked for through a signal, which
the ``EditController`` turns into an undoable command.

Signals:
    typeChosen(str): another type for the current annotation.
    kindChosen(str): direct or indirect.
    speakerEntered(object): a speaker name (str) or None to clear it.
    mentionChosen(object): the id of a speaker mention to link (str) or None to unlink.
    cueEntered(object): a cue (str) or None to clear it.
    statusChosen(str): accepted, rejected or pending.
    boundaryMoveRequested(str, int, str): edge, direction and unit of a boundary move.
    fromSelectionRequested(): set the boundaries from the article's selection.
    editingDone(): the speaker or cue field was committed (Enter) or abandoned (Escape) and had
        no other widget to give the keys back to: the window focuses the article.

Enter in the speaker or cue field commits and gives the keys back to where they were before F2
or F4 (the article or the outline), so the next A, R, N or K reviews instead of typing a letter
into the field; Escape puts the field back as it was and does the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core.boundaries import EARLIER, END, LATER, START, WORD
from core.corrections import CREATABLE_TYPES
from core.model import Annotation, Document
from gui.document.labels import origin_label, status_label, type_label
from gui.document.workspace import Initiator, Workspace
from gui.views.icons import icon
from gui.views.outline_model import DOUBT_THRESHOLD, OutlineModel

PREVIEW_CHARS = 240
# Mentions of other speakers offered by Ctrl+L, nearest the quote first.
OTHER_MENTIONS = 12
CONTEXT_WORDS = 3


class DetailsPanel(QGroupBox):
    typeChosen = Signal(str)
    kindChosen = Signal(str)
    speakerEntered = Signal(object)
    mentionChosen = Signal(object)
    cueEntered = Signal(object)
    statusChosen = Signal(str)
    boundaryMoveRequested = Signal(str, int, str)
    fromSelectionRequested = Signal()
    editingDone = Signal()

    def __init__(self, workspace: Workspace, outline: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._outline = outline  # knows the speakers and mentions without walking the document
        self.setObjectName("detailsPanel")
        self.setTitle(self.tr("Selected annotation"))
        self._annotation: Annotation | None = None
        self._document: Document | None = None
        self._return_focus: QWidget | None = None  # who had the keys before F2/F4

        self.summary = QLabel(self)
        self.summary.setObjectName("detailsSummary")
        self.preview = QLabel(self)
        self.preview.setObjectName("detailsPreview")
        self.preview.setWordWrap(True)
        # Article text reads right to left in both interface languages.
        self.preview.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("typeCombo")
        for name in CREATABLE_TYPES:
            self.type_combo.addItem(type_label(name), name)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.addItem(type_label("quote", "direct"), "direct")
        self.kind_combo.addItem(type_label("quote", "indirect"), "indirect")
        self.speaker_combo = QComboBox(self)
        self.speaker_combo.setObjectName("speakerCombo")
        self.speaker_combo.setEditable(True)
        self.speaker_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.speaker_combo.lineEdit()
        assert line_edit is not None  # an editable combo box has one
        self.speaker_edit: QLineEdit = line_edit
        self.speaker_edit.setPlaceholderText(self.tr("Known speaker or a new name, then Enter"))
        self.mention_combo = QComboBox(self)
        self.mention_combo.setObjectName("mentionCombo")
        self.cue_edit = QLineEdit(self)
        self.cue_edit.setObjectName("cueEdit")
        self.cue_edit.setPlaceholderText(self.tr("Reporting verb or phrase, then Enter"))
        self.bounds = QLabel(self)
        self.bounds.setObjectName("boundsLabel")
        self.confidence = QLabel(self)
        self.confidence.setObjectName("confidenceLabel")
        self.confidence.setTextFormat(Qt.TextFormat.RichText)

        self.accept_button = QPushButton(icon("accept"), self.tr("Accept"), self)
        self.reject_button = QPushButton(icon("reject"), self.tr("Reject"), self)
        self.pending_button = QPushButton(self.tr("Pending"), self)
        status_row = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.pending_button):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            status_row.addWidget(button)

        # Boundary buttons in one compact grid: start / end rows, earlier / later columns.
        boundary_grid = QGridLayout()
        boundary_grid.setSpacing(2)
        boundary_grid.setContentsMargins(0, 0, 0, 0)
        self._boundary_buttons: list[QPushButton] = []
        specs = [
            (0, 0, self.tr("Start: word earlier"), START, EARLIER, WORD),
            (0, 1, self.tr("Start: word later"), START, LATER, WORD),
            (1, 0, self.tr("End: word earlier"), END, EARLIER, WORD),
            (1, 1, self.tr("End: word later"), END, LATER, WORD),
        ]
        for row, column, text, edge, direction, unit in specs:
            button = QPushButton(text, self)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, e=edge, d=direction, u=unit: self.boundaryMoveRequested.emit(e, d, u))
            boundary_grid.addWidget(button, row, column)
            self._boundary_buttons.append(button)
        self.from_selection_button = QPushButton(self.tr("Set from selection"), self)
        self.from_selection_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        boundary_grid.addWidget(self.from_selection_button, 0, 2, 2, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("Type"), self.type_combo)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Speaker"), self.speaker_combo)
        form.addRow(self.tr("Mention"), self.mention_combo)
        form.addRow(self.tr("Cue"), self.cue_edit)
        form.addRow(self.tr("Confidence"), self.confidence)
        form.addRow(self.tr("Review"), status_row)
        form.addRow(self.tr("Boundaries"), self.bounds)
        form.addRow("", boundary_grid)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addStretch(1)

        self.type_combo.activated.connect(self._on_type)
        self.kind_combo.activated.connect(self._on_kind)
        self.speaker_combo.activated.connect(lambda _i: self._on_speaker())  # picked with the mouse
        self.mention_combo.activated.connect(self._on_mention)
        self.accept_button.clicked.connect(lambda: self.statusChosen.emit("accepted"))
        self.reject_button.clicked.connect(lambda: self.statusChosen.emit("rejected"))
        self.pending_button.clicked.connect(lambda: self.statusChosen.emit("pending"))
        self.from_selection_button.clicked.connect(self.fromSelectionRequested)
        # The speaker combo box keeps the focus itself and hands keys to its line edit directly.
        for field in (self.speaker_combo, self.speaker_edit, self.cue_edit):
            field.installEventFilter(self)
        workspace.selectionChanged.connect(self._on_selection)
        self.show_annotation(workspace.document, workspace.current_annotation())

    def _on_selection(self, annotation: Annotation | None, _initiator: Initiator) -> None:
        self.show_annotation(self._workspace.document, annotation)

    # Display ----------------------------------------------------------------------------------
    def annotation(self) -> Annotation | None:
        return self._annotation

    def show_annotation(self, document: Document | None, annotation: Annotation | None) -> None:
        self._document = document
        self._annotation = annotation
        editable = document is not None and annotation is not None
        for widget in (self.type_combo, self.accept_button, self.reject_button, self.pending_button, self.from_selection_button, *self._boundary_buttons):
            widget.setEnabled(editable)
        type_name = annotation.type if annotation is not None else None
        for widget in (self.kind_combo, self.mention_combo, self.cue_edit):
            widget.setEnabled(editable and type_name == "quote")
        self.speaker_combo.setEnabled(editable and type_name in ("quote", "speaker"))
        if document is None or annotation is None:
            self.summary.setText(self.tr("Nothing selected. Put the cursor in an annotation or pick one in the outline."))
            self.summary.setWordWrap(True)
            self.preview.clear()
            self.bounds.clear()
            self.confidence.clear()
            self.speaker_combo.setEditText("")
            self.cue_edit.clear()
            self.mention_combo.clear()
            for button in (self.accept_button, self.reject_button, self.pending_button):
                button.setChecked(False)
            return
        corrected = (
            " · " + self.tr("corrected: %1").replace("%1", ", ".join(field_label(f) for f in annotation.corrected))
            if annotation.corrected
            else ""
        )
        self.summary.setText(
            f"<b>{type_label(annotation.type, annotation.kind)}</b> · {status_label(annotation.status)}"
            f" · {origin_label(annotation.origin)}{corrected} · <span style='color:#777'>{annotation.id}</span>"
        )
        self.confidence.setText(self._confidence_text(annotation))
        text = document.span_text(annotation)
        self.preview.setText(text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + " …")
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(annotation.type)))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(annotation.kind or "direct")))
        self._fill_speakers(document, annotation)
        self._fill_mentions(document, annotation)
        self.cue_edit.setText(annotation.cue or "")
        self.accept_button.setChecked(annotation.status == "accepted")
        self.reject_button.setChecked(annotation.status == "rejected")
        self.pending_button.setChecked(annotation.status == "pending")
        length = annotation.end - annotation.start
        self.bounds.setText(
            self.tr("%1–%2 (%3 characters)").replace("%1", str(annotation.start)).replace("%2", str(annotation.end)).replace("%3", str(length))
        )

    def _confidence_text(self, annotation: Annotation) -> str:
        """The annotator's confidence in the suggestion and, on quotes, in its speaker (doubtful
        values in red: the review takes the lower of the two)."""
        parts = []
        if annotation.confidence is not None:
            parts.append(self.tr("quote %1").replace("%1", _value(annotation.confidence)) if annotation.type == "quote" else _value(annotation.confidence))
        if annotation.speaker_confidence is not None:
            parts.append(self.tr("speaker %1").replace("%1", _value(annotation.speaker_confidence)))
        return " · ".join(parts) if parts else "—"

    def _fill_speakers(self, document: Document, annotation: Annotation) -> None:
        self.speaker_combo.blockSignals(True)
        self.speaker_combo.clear()
        self.speaker_combo.addItems(self._outline.speaker_names())
        self.speaker_combo.setEditText(annotation.speaker or "")
        self.speaker_combo.blockSignals(False)

    def _fill_mentions(self, document: Document, annotation: Annotation) -> None:
        self.mention_combo.blockSignals(True)
        self.mention_combo.clear()
        self.mention_combo.addItem(self.tr("(no linked mention)"), "")
        if annotation.type == "quote":
            # The quote's own speaker's mentions first, then other speakers' mentions near the
            # quote; each named by its words in the sentence, nearest first.
            nearby = self._outline.mentions_near(annotation.start, 50)
            linked = document.find(annotation.speaker_id)
            if linked is not None and linked not in nearby:
                nearby.append(linked)
            own = [m for m in nearby if annotation.speaker and m.speaker == annotation.speaker]
            others = [m for m in nearby if m not in own][:OTHER_MENTIONS]
            for mention in own:
                self.mention_combo.addItem(mention_label(document, mention), mention.id)
            if own and others:
                self.mention_combo.insertSeparator(self.mention_combo.count())
            for mention in others:
                self.mention_combo.addItem(mention_label(document, mention, with_speaker=True), mention.id)
            self.mention_combo.setCurrentIndex(max(0, self.mention_combo.findData(annotation.speaker_id or "")))
        self.mention_combo.blockSignals(False)

    # Edits ------------------------------------------------------------------------------------
    def _on_type(self, _index: int) -> None:
        name = self.type_combo.currentData()
        if self._annotation is not None and name != self._annotation.type:
            self.typeChosen.emit(name)

    def _on_kind(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        if self._annotation is not None and kind != self._annotation.kind:
            self.kindChosen.emit(kind)

    def _on_speaker(self) -> None:
        name = " ".join(self.speaker_combo.currentText().split()) or None
        if self._annotation is not None and name != self._annotation.speaker:
            self.speakerEntered.emit(name)

    def _on_mention(self, _index: int) -> None:
        mention_id = self.mention_combo.currentData() or None
        if self._annotation is not None and mention_id != self._annotation.speaker_id:
            self.mentionChosen.emit(mention_id)

    def _on_cue(self) -> None:
        cue = " ".join(self.cue_edit.text().split()) or None
        if self._annotation is not None and cue != self._annotation.cue:
            self.cueEntered.emit(cue)

    def focus_speaker(self) -> None:
        self._remember_focus()
        self.speaker_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.speaker_edit.selectAll()

    def focus_cue(self) -> None:
        self._remember_focus()
        self.cue_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.cue_edit.selectAll()

    # Giving the keys back ----------------------------------------------------------------------
    def _remember_focus(self) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and not self.isAncestorOf(widget):
            self._return_focus = widget

    def _give_keys_back(self) -> None:
        """After Enter or Escape in the speaker or cue field: back to where F2/F4 came from."""
        target, self._return_focus = self._return_focus, None
        if target is not None and isValid(target) and target.isVisible() and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.editingDone.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in (self.speaker_combo, self.speaker_edit, self.cue_edit):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is not self.cue_edit:
                    self._on_speaker()
                else:
                    self._on_cue()
                self._give_keys_back()
                return True
            if key == Qt.Key.Key_Escape:
                self.show_annotation(self._workspace.document, self._workspace.current_annotation())
                self._give_keys_back()
                return True
        return super().eventFilter(watched, event)

    def focus_mention(self) -> None:
        self.mention_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.mention_combo.showPopup()


def _value(confidence: float) -> str:
    text = f"{confidence:.2f}"
    return f"<span style='color:#c62828'>{text}</span>" if confidence < DOUBT_THRESHOLD else text


def field_label(name: str) -> str:
    """A corrected field's name as the details panel shows it."""
    translate = QApplication.translate
    return {
        "type": translate("DetailsPanel", "type"),
        "kind": translate("DetailsPanel", "kind"),
        "start": translate("DetailsPanel", "start"),
        "end": translate("DetailsPanel", "end"),
        "speaker": translate("DetailsPanel", "speaker"),
        "speaker_id": translate("DetailsPanel", "mention"),
        "cue": translate("DetailsPanel", "cue"),
        "cue_id": translate("DetailsPanel", "cue link"),
    }.get(name, name)


def mention_label(document: Document, mention: Annotation, *, with_speaker: bool = False) -> str:
    """A speaker mention as Ctrl+L lists it: its words in their sentence (``… وقال الخطيب إن …``),
    and, for another speaker's mention, whose it is."""
    text = document.text
    before = text[max(0, mention.start - 80) : mention.start].split("\n")[-1].split()[-CONTEXT_WORDS:]
    after = text[mention.end : mention.end + 80].split("\n")[0].split()[:CONTEXT_WORDS]
    written = " ".join(document.span_text(mention).split())
    context = " ".join([*before, f"[{written}]", *after])
    if with_speaker and mention.speaker and mention.speaker != written:
        return f"{mention.speaker}: … {context} …"
    return f"… {context} …"

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
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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

from core.boundaries import EARLIER, END, LATER, START, WORD
from core.corrections import CREATABLE_TYPES
from core.model import Annotation, Document
from gui.document.labels import isolate, origin_label, status_label, type_label
from gui.document.workspace import Initiator, Workspace
from gui.views.icons import icon
from gui.views.outline_model import OutlineModel

PREVIEW_CHARS = 240


class DetailsPanel(QGroupBox):
    typeChosen = Signal(str)
    kindChosen = Signal(str)
    speakerEntered = Signal(object)
    mentionChosen = Signal(object)
    cueEntered = Signal(object)
    statusChosen = Signal(str)
    boundaryMoveRequested = Signal(str, int, str)
    fromSelectionRequested = Signal()

    def __init__(self, workspace: Workspace, outline: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._outline = outline  # knows the speakers and mentions without walking the document
        self.setObjectName("detailsPanel")
        self.setTitle(self.tr("Selected annotation"))
        self._annotation: Annotation | None = None
        self._document: Document | None = None

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

        self.accept_button = QPushButton(icon("accept"), self.tr("Accept"), self)
        self.reject_button = QPushButton(icon("reject"), self.tr("Reject"), self)
        self.pending_button = QPushButton(self.tr("Pending"), self)
        status_row = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.pending_button):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            status_row.addWidget(button)

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
        boundary_grid.addWidget(self.from_selection_button, 2, 0, 1, 2)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Type"), self.type_combo)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Speaker"), self.speaker_combo)
        form.addRow(self.tr("Mention"), self.mention_combo)
        form.addRow(self.tr("Cue"), self.cue_edit)
        form.addRow(self.tr("Review"), status_row)
        form.addRow(self.tr("Boundaries"), self.bounds)
        form.addRow("", boundary_grid)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview)
        layout.addLayout(form)
        layout.addStretch(1)

        self.type_combo.activated.connect(self._on_type)
        self.kind_combo.activated.connect(self._on_kind)
        self.speaker_edit.returnPressed.connect(self._on_speaker)
        self.speaker_combo.activated.connect(lambda _i: self._on_speaker())
        self.mention_combo.activated.connect(self._on_mention)
        self.cue_edit.returnPressed.connect(self._on_cue)
        self.accept_button.clicked.connect(lambda: self.statusChosen.emit("accepted"))
        self.reject_button.clicked.connect(lambda: self.statusChosen.emit("rejected"))
        self.pending_button.clicked.connect(lambda: self.statusChosen.emit("pending"))
        self.from_selection_button.clicked.connect(self.fromSelectionRequested)
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
            self.speaker_combo.setEditText("")
            self.cue_edit.clear()
            self.mention_combo.clear()
            for button in (self.accept_button, self.reject_button, self.pending_button):
                button.setChecked(False)
            return
        confidence = f" ({annotation.confidence:.2f})" if annotation.confidence is not None else ""
        self.summary.setText(
            f"<b>{type_label(annotation.type, annotation.kind)}</b> · {status_label(annotation.status)}{confidence}"
            f" · {origin_label(annotation.origin)} · <span style='color:#777'>{annotation.id}</span>"
        )
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
            # Nearest mentions first: the one the quote's cue points at is usually close.
            mentions = self._outline.mentions_near(annotation.start, 50)
            linked = document.find(annotation.speaker_id)
            if linked is not None and linked not in mentions:
                mentions.append(linked)
            for mention in mentions:
                label = f"{document.span_text(mention)} — {isolate(str(mention.start))}"
                self.mention_combo.addItem(label, mention.id)
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
        self.speaker_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.speaker_edit.selectAll()

    def focus_cue(self) -> None:
        self.cue_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.cue_edit.selectAll()

    def focus_mention(self) -> None:
        self.mention_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.mention_combo.showPopup()

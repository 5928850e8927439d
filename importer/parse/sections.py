"""Elements to sections: kinds, spoilers and where each image belongs."""

from __future__ import annotations

from dataclasses import dataclass, field

from importer.parse.records import ImageSlot, ParseWarning, SectionRecord
from importer.parse.scan import SPOILER_KINDS, Element, Heading, Image, Marker, Para

_HEADLESS_BODY_KIND = {
    "review": "analysis",
    "essay": "theme",
    "synopsis": "synopsis",
    "ending": "ending",
    "list": "analysis",
}


@dataclass
class _Draft:
    heading: str | None
    kind: str
    is_spoiler: bool
    character: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    image: ImageSlot | None = None

    @property
    def is_bare_heading(self) -> bool:
        """A heading with nothing under it yet."""
        return bool(self.heading) and not self.paragraphs and self.image is None


def build_sections(
    elements: list[Element],
    article_kind: str,
    warnings: list[ParseWarning],
    *,
    has_standfirst: bool = False,
) -> list[SectionRecord]:
    """Headed parts become sections; a headless review splits into intro, analysis, verdict."""
    drafts, unplaced = _SectionBuilder(elements, article_kind).build()
    _place_leftover_images(drafts, unplaced, warnings)
    if drafts and all(draft.is_spoiler for draft in drafts) and not has_standfirst:
        warnings.append(_all_spoiler_warning(elements))
    return [_record(draft) for draft in drafts]


class _SectionBuilder:
    """One walk over the elements; what an element means depends on what came before it.

    The walk keeps the section being filled, the pictures still waiting for a section, whether a
    spoiler notice or heading is in force, and the part and heading the text sits under.
    """

    def __init__(self, elements: list[Element], article_kind: str) -> None:
        self.elements = elements
        self.article_kind = article_kind
        # With no headings at all, paragraphs are sorted by position instead.
        self.is_headless = not any(isinstance(e, Heading) for e in elements)
        self.paragraphs = [e for e in elements if isinstance(e, Para)]
        self.body_kind = _HEADLESS_BODY_KIND[article_kind]

        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        self.waiting_images: list[Image] = []
        self.spoilers_on = False
        self.part: str | None = None
        self.context: tuple[str, str | None] | None = None  # kind and character of the last heading

    def build(self) -> tuple[list[_Draft], list[Image]]:
        """The finished drafts, and the images that found no section to open."""
        for element in self.elements:
            if isinstance(element, Marker):
                self._on_marker(element)
            elif isinstance(element, Heading):
                self._on_heading(element)
            elif isinstance(element, Image):
                self._on_image(element)
            else:
                self._on_paragraph(element)
        self._close()
        return self.drafts, self.waiting_images

    # --- one method per kind of element ---------------------------------------------------------

    def _on_marker(self, marker: Marker) -> None:
        current = self.current
        if not marker.end and current is not None and current.is_bare_heading:
            # "## The ghost" then "Spoilers follow ...": the heading's part is the spoiler.
            current.is_spoiler = True
            self.spoilers_on = True
            return
        self._close()
        self.spoilers_on = not marker.end
        if marker.end:
            self.part = None

    def _on_heading(self, heading: Heading) -> None:
        self._close()
        kind = heading.kind
        if kind in SPOILER_KINDS or (self.article_kind in SPOILER_KINDS and kind != "entry"):
            # A plot or ending heading, or any heading in a piece whose title promises the
            # plot or the ending: what follows stays spoiler.
            self.spoilers_on = True
        if heading.is_part:
            self.part = kind if kind != "verdict" else None
        kind = kind or self.part or ("theme" if self.article_kind == "essay" else "analysis")
        self.context = (kind, heading.character)
        self.current = self._open(heading.text, kind, heading.character)

    def _on_image(self, image: Image) -> None:
        if self.current is not None and self.current.image is None:
            self.current.image = image.slot
        else:
            self._close()
            self.waiting_images.append(image)

    def _on_paragraph(self, paragraph: Para) -> None:
        draft = self._headless_draft_for(paragraph) if self.is_headless else self._headed_draft()
        if self.waiting_images and draft.image is None:
            draft.image = self.waiting_images.pop(0).slot
        draft.paragraphs.append(paragraph.text)

    # --- which section a paragraph goes into ----------------------------------------------------

    def _headless_draft_for(self, paragraph: Para) -> _Draft:
        """A new section whenever the kind or the spoiler state changes."""
        kind = self._headless_kind(paragraph)
        is_spoiler = self.spoilers_on or kind in SPOILER_KINDS
        current = self.current
        if current is not None and (current.kind, current.is_spoiler) != (kind, is_spoiler):
            self._close()
        if self.current is None:
            self.current = self._open(None, kind, None)
        return self.current

    def _headless_kind(self, paragraph: Para) -> str:
        if len(self.paragraphs) == 1:
            return self.body_kind
        if paragraph is self.paragraphs[0]:
            return "intro"
        if paragraph is self.paragraphs[-1] and self.article_kind == "review":
            return "verdict"
        return self.body_kind

    def _headed_draft(self) -> _Draft:
        """The open section, or a headless one that carries on the last heading's kind."""
        if self.current is None:
            if self.context is None:
                self.current = self._open(None, "analysis" if self.spoilers_on else "intro", None)
            else:
                self.current = self._open(None, *self.context)
        return self.current

    # --- opening and closing a section ----------------------------------------------------------

    def _open(self, heading: str | None, kind: str, character: str | None) -> _Draft:
        is_spoiler = self.spoilers_on or kind in SPOILER_KINDS or self.part in SPOILER_KINDS
        draft = _Draft(heading, kind, is_spoiler, character)
        if self.waiting_images:
            draft.image = self.waiting_images.pop(0).slot
        return draft

    def _close(self) -> None:
        draft, self.current = self.current, None
        if draft is None:
            return
        if draft.paragraphs:
            self.drafts.append(draft)
        elif draft.image is not None:
            # A heading with only a picture: the picture waits for the next section.
            self.waiting_images.insert(0, Image(draft.image, 0))


def _place_leftover_images(
    drafts: list[_Draft], images: list[Image], warnings: list[ParseWarning]
) -> None:
    """Images after the last text go to the last section if it has none; the rest are dropped."""
    for image in images:
        if drafts and drafts[-1].image is None:
            drafts[-1].image = image.slot
        else:
            warnings.append(
                ParseWarning(
                    f"image {image.slot.alt_text!r} dropped: no section left to hold it",
                    image.line or None,
                )
            )


def _all_spoiler_warning(elements: list[Element]) -> ParseWarning:
    """Why no part of the article can be shown without a standfirst, at the first cause."""
    first = next(
        (
            e
            for e in elements
            if isinstance(e, Marker) or (isinstance(e, Heading) and e.kind in SPOILER_KINDS)
        ),
        None,
    )
    where = (
        f"the spoiler notice or heading at line {first.line} comes before any public text"
        if first
        else "the title promises the plot or the ending, and the text opens with a heading"
    )
    return ParseWarning(
        f"every section is a spoiler ({where}): the article has no spoiler-free part "
        "to show until an editor writes a standfirst",
        first.line if first else None,
    )


def _record(draft: _Draft) -> SectionRecord:
    return SectionRecord(
        heading=draft.heading,
        kind=draft.kind,
        is_spoiler=draft.is_spoiler,
        body="\n\n".join(draft.paragraphs),
        image=draft.image,
        character=draft.character,
    )

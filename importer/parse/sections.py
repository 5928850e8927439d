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


def build_sections(
    elements: list[Element],
    article_kind: str,
    warnings: list[ParseWarning],
    *,
    has_standfirst: bool = False,
) -> list[SectionRecord]:
    """Headed parts become sections; a headless review splits into intro, analysis, verdict."""
    headless = not any(isinstance(e, Heading) for e in elements)
    paragraphs = [e for e in elements if isinstance(e, Para)]
    body_kind = _HEADLESS_BODY_KIND[article_kind]
    drafts: list[_Draft] = []
    current: _Draft | None = None
    pending: list[Image] = []
    spoilers_on = False
    part: str | None = None
    context: tuple[str, str | None] | None = None  # kind and character of the last heading

    def close() -> None:
        nonlocal current
        if current is None:
            return
        if current.paragraphs:
            drafts.append(current)
        elif current.image is not None:
            pending.insert(0, Image(current.image, 0))  # a heading with only a picture
        current = None

    def open_draft(heading: str | None, kind: str, character: str | None) -> _Draft:
        spoiler = spoilers_on or kind in SPOILER_KINDS or part in SPOILER_KINDS
        draft = _Draft(heading, kind, spoiler, character)
        if pending:
            draft.image = pending.pop(0).slot
        return draft

    def headless_kind(paragraph: Para) -> str:
        if len(paragraphs) == 1:
            return body_kind
        if paragraph is paragraphs[0]:
            return "intro"
        if paragraph is paragraphs[-1] and article_kind == "review":
            return "verdict"
        return body_kind

    for element in elements:
        if isinstance(element, Marker):
            if (
                current is not None
                and not element.end
                and current.heading
                and not current.paragraphs
                and current.image is None
            ):
                # "## The ghost" then "Spoilers follow ...": the heading's part is the spoiler.
                current.is_spoiler = True
                spoilers_on = True
                continue
            close()
            spoilers_on = not element.end
            if element.end:
                part = None
        elif isinstance(element, Heading):
            close()
            kind = element.kind
            if kind in SPOILER_KINDS or (article_kind in SPOILER_KINDS and kind != "entry"):
                # A plot or ending heading, or any heading in a piece whose title promises the
                # plot or the ending: what follows stays spoiler.
                spoilers_on = True
            if element.is_part:
                part = kind if kind != "verdict" else None
            kind = kind or part or ("theme" if article_kind == "essay" else "analysis")
            context = (kind, element.character)
            current = open_draft(element.text, kind, element.character)
        elif isinstance(element, Image):
            if current is not None and current.image is None:
                current.image = element.slot
            else:
                close()
                pending.append(element)
        else:
            if headless:
                kind = headless_kind(element)
                spoiler = spoilers_on or kind in SPOILER_KINDS
                if current is not None and (current.kind, current.is_spoiler) != (kind, spoiler):
                    close()
                if current is None:
                    current = open_draft(None, kind, None)
            elif current is None:
                if context is None:
                    current = open_draft(None, "analysis" if spoilers_on else "intro", None)
                else:
                    current = open_draft(None, context[0], context[1])
            if len(pending) > 0 and current.image is None:
                current.image = pending.pop(0).slot
            current.paragraphs.append(element.text)
    close()
    for image in pending:
        if drafts and drafts[-1].image is None:
            drafts[-1].image = image.slot
        else:
            warnings.append(
                ParseWarning(
                    f"image {image.slot.alt_text!r} dropped: no section left to hold it",
                    image.line or None,
                )
            )
    if drafts and all(draft.is_spoiler for draft in drafts) and not has_standfirst:
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
        warnings.append(
            ParseWarning(
                f"every section is a spoiler ({where}): the article has no spoiler-free part "
                "to show until an editor writes a standfirst",
                first.line if first else None,
            )
        )
    return [
        SectionRecord(
            heading=draft.heading,
            kind=draft.kind,
            is_spoiler=draft.is_spoiler,
            body="\n\n".join(draft.paragraphs),
            image=draft.image,
            character=draft.character,
        )
        for draft in drafts
    ]

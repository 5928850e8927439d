"""Markdown to safe HTML: the one place where editors' text becomes markup.

Rendered once when a section is saved and stored, never per request. markdown-it-py parses
CommonMark in linear time, so a hostile body (megabytes of unmatched "[" or "<") cannot tie up
a worker. nh3 (the Rust ammonia sanitiser) then keeps only the allowlist below, so a
contributor's raw <script>, on*= handler or javascript: link never reaches a reader, whatever
Markdown produced.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "blockquote", "code", "pre", "ul", "ol", "li",
    "a", "h2", "h3", "h4", "sup", "sub", "abbr", "cite", "q", "del", "ins",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# The page's h1 is the article title and a section's own heading is an h2, so body headings
# fit h2-h4: "#" becomes h2 rather than losing its tag (and its line break) to the sanitiser,
# and "#####"/"######" become h4.
HEADING_LEVELS = range(2, 5)


def _heading(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    level = int(tokens[idx].tag[1])
    tokens[idx].tag = f"h{min(max(level, HEADING_LEVELS.start), HEADING_LEVELS.stop - 1)}"
    return self.renderToken(tokens, idx, options, env)


# nh3's parser (html5ever) slows quadratically on one long text node or attribute full of
# character references (1 MB of "&" took ~30 s). Text runs are cut into pieces with empty
# comments, which the sanitiser strips again, and over-long link attributes are dropped before
# they are written: no real link or title is this long.
TEXT_PIECE = 2048
MAX_ATTRIBUTE = 2048
_LONG_TEXT_RUN = re.compile(rf">([^<]{{{TEXT_PIECE + 1},}})")


def _link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    for name in ("href", "title"):
        if len(str(token.attrs.get(name, ""))) > MAX_ATTRIBUTE:
            del token.attrs[name]
    return self.renderToken(tokens, idx, options, env)


def _image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Nothing: images are not on the allowlist (a section's picture is its image slot)."""
    return ""


def _pieces(match: re.Match[str]) -> str:
    run, pieces, start = match[1], [], 0
    while len(run) - start > TEXT_PIECE:
        cut = start + TEXT_PIECE
        amp = run.rfind("&", cut - 8, cut)  # never inside an entity such as &amp;
        if amp != -1 and run.find(";", amp, cut) == -1:
            cut = amp
        pieces.append(run[start:cut])
        start = cut
    pieces.append(run[start:])
    return ">" + "<!---->".join(pieces)


QUOTE = re.compile("['\"]")
APOSTROPHE = "\u2019"


@dataclass(frozen=True, slots=True)
class _Opener:
    token: int
    pos: int
    single: bool
    level: int
    run_start: int  # stack index where this opener's run of same-level openers starts
    below: tuple[int, int]  # stack index of the topmost (double, single) opener at or below


def _is_punct(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _neighbour(tokens: Sequence[Token], indexes: range, last: bool) -> str:
    """The character next to a text token's edge: the nearest content on the same line."""
    for j in indexes:
        if tokens[j].type in ("softbreak", "hardbreak"):
            break
        if tokens[j].content:
            return tokens[j].content[-1 if last else 0]
    return " "


def _can_open_close(tokens: Sequence[Token], i: int, at: int, single: bool) -> tuple[bool, bool]:
    """Whether the quote at `at` in token i may open a pair, and whether it may close one,
    from the characters either side (CommonMark's flanking rules, as markdown-it has them)."""
    text = tokens[i].content
    last = text[at - 1] if at else _neighbour(tokens, range(i - 1, -1, -1), last=True)
    after = at + 1
    next_ = (
        text[after]
        if after < len(text)
        else _neighbour(tokens, range(i + 1, len(tokens)), last=False)
    )
    last_punct, next_punct = _is_punct(last), _is_punct(next_)
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(next_))
    can_open = not next_space and not (next_punct and not (last_space or last_punct))
    can_close = not last_space and not (last_punct and not (next_space or next_punct))
    if next_ == '"' and not single and "0" <= last <= "9":
        return False, False  # 1"" : the first quote is an inch mark
    if can_open and can_close:
        # Inside a run of punctuation, but not inside a word.
        return last_punct, next_punct
    return can_open, can_close


def _quotes_in(tokens: Sequence[Token], quotes: str) -> None:
    stack: list[_Opener] = []
    edits: dict[int, dict[int, str]] = {}
    for i, token in enumerate(tokens):
        level = token.level
        while stack and stack[-1].level > level:
            stack.pop()
        if token.type != "text":
            continue
        text = token.content
        for match in QUOTE.finditer(text):
            at = match.start()
            single = match[0] == "'"
            can_open, can_close = _can_open_close(tokens, i, at, single)
            if not can_open and not can_close:
                if single:
                    edits.setdefault(i, {})[at] = APOSTROPHE
                continue
            if can_close and stack and stack[-1].level == level:
                k = stack[-1].below[single]
                if k >= stack[-1].run_start:
                    opener = stack[k]
                    edits.setdefault(i, {})[at] = quotes[3 if single else 1]
                    edits.setdefault(opener.token, {})[opener.pos] = quotes[2 if single else 0]
                    del stack[k:]
                    continue
            if can_open:
                top = stack[-1] if stack else None
                n = len(stack)
                below = top.below if top else (-1, -1)
                stack.append(
                    _Opener(
                        token=i,
                        pos=at,
                        single=single,
                        level=level,
                        run_start=top.run_start if top and top.level == level else n,
                        below=(below[0], n) if single else (n, below[1]),
                    )
                )
            elif can_close and single:
                edits.setdefault(i, {})[at] = APOSTROPHE
    for i, replacements in edits.items():
        chars = list(tokens[i].content)
        for at, char in replacements.items():
            chars[at] = char
        tokens[i].content = "".join(chars)


def _smartquotes(state: StateCore) -> None:
    """markdown-it's smartquotes rule, with the same decisions, in linear time.

    The library's rule copies the rest of a text for every quote and rescans the stack of
    open quotes for every closing one: 100 KB of '"' takes seconds, 5 MB hours. Here each
    match is found in place, replacements are applied once per token, and each stack entry
    knows the nearest opener of each kind below it.
    """
    quotes = state.md.options["quotes"]
    for token in state.tokens:
        if token.type == "inline" and token.children and QUOTE.search(token.content):
            _quotes_in(token.children, quotes)


# CommonMark with raw HTML off (it would only be stripped again) and typographic quotes,
# dashes and ellipses on; linkify stays off (it needs another dependency and would turn every
# bare domain in a review into a link).
_parser = MarkdownIt(
    "commonmark", {"html": False, "typographer": True, "linkify": False, "xhtmlOut": False}
).enable(["replacements", "smartquotes"])
_parser.core.ruler.at("smartquotes", _smartquotes)
_parser.add_render_rule("heading_open", _heading)
_parser.add_render_rule("heading_close", _heading)
_parser.add_render_rule("link_open", _link_open)
_parser.add_render_rule("image", _image)


def render_markdown(text: str) -> str:
    """Render Markdown with typographic quotes and dashes, then sanitise to the allowlist.

    No trailing newline, so a body's HTML is its paragraphs' HTML joined by newlines.
    """
    html = _parser.render(text).rstrip("\n")
    return sanitise(_LONG_TEXT_RUN.sub(_pieces, html))


def sanitise(html: str) -> str:
    """Only the allowlisted tags, attributes and URL schemes; links get rel=nofollow."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )

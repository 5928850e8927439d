"""Page furniture: lines a web page, a blog platform or an app adds around a critic's text.

Bylines and dates, app chrome ("Watched on ...", "Like review", "12 likes"), share and follow
buttons, newsletter prompts, advertisements, related-post links, comment forms and navigation
are never prose, headings or sections. furniture() names the reason so the report can list what
was dropped; a byline also gives the critic's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importer.parse.names import is_person_name, name_at

BYLINE = "byline"
DATE = "date line"
APP = "app chrome"
SHARE = "share buttons"
NEWSLETTER = "newsletter prompt"
ADVERT = "advertisement"
RELATED = "related links"
COMMENTS = "comment form"
READER_COMMENTS = "reader comments"
NAVIGATION = "navigation"


@dataclass(frozen=True)
class Furniture:
    reason: str
    byline: str | None = None  # the name in "By Jane Doe"
    starts_block: bool = False  # short lines after it are links or form fields too
    ends_text: bool = False  # readers' comments follow ("12 thoughts on ..."): nothing after it
    rating: str | None = None  # the stars in Letterboxd's "Review by handle ★★★½"


# Whole lines, compared after _bare() (lower case, no surrounding "*", "#", ">", "-", ":").
_EXACT: dict[str, tuple[str, ...]] = {
    SHARE: (
        "share", "share it", "share this", "share this article", "share this post",
        "share this story", "share this review", "share on facebook", "share on twitter",
        "share on x", "share via", "tweet", "pin it", "email", "e-mail", "print", "facebook",
        "twitter", "x", "reddit", "pinterest", "linkedin", "whatsapp", "tumblr", "telegram",
        "pocket", "threads", "bluesky", "mastodon", "instagram", "copy link", "copy url",
        "link copied", "like this", "like", "loading...", "loading\u2026", "follow",
        "follow us", "follow me", "reblog", "restack", "flipboard", "messenger", "listen",
        "clap", "claps", "unfollow", "listen to this post", "listen to this article",
        "listen to this story", "listen to article", "play audio", "audio version",
    ),
    APP: (
        "like review", "liked", "report this review", "add to diary", "add to watchlist",
        "remove from watchlist", "rewatched", "no likes yet", "log in to like", "reply",
        "show more", "read full review", "permalink", "upvote", "downvote", "vote", "save",
        "award", "give award", "crosspost", "helpful", "not helpful",
        "was this helpful?", "report this", "report", "edit", "delete",
    ),
    NEWSLETTER: (
        "subscribe", "subscribe now", "subscribed", "sign up", "sign up now", "get the app",
        "upgrade to paid", "start writing", "ready for more?", "give a gift subscription",
        "discussion about this post", "no posts", "share this newsletter",
        "unsubscribe", "manage preferences", "view in browser", "view this email in your browser",
        "hi friends,", "hi friends", "hi everyone,", "hello friends,", "hey friends,",
        "dear readers,", "this week", "in this issue", "in this week's issue", "contents",
        "table of contents",
        "update your preferences",
    ),
    ADVERT: (
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored",
        "sponsored content", "paid content", "scroll to continue", "continue reading below",
        "story continues below advertisement", "article continues below advertisement",
        "article continues below", "story continues below",
    ),
    RELATED: (
        "related", "related posts", "related articles", "related stories", "related reviews",
        "similar posts", "you may also like", "you might also like", "you may like",
        "recommended", "recommended for you", "recommended reading", "trending", "trending now",
        "popular posts", "most popular", "most read", "more from this author", "more stories",
        "more reviews", "read more", "read next", "keep reading", "continue reading",
        "up next", "don't miss", "editor's picks", "more like this", "also read", "read also",
        "must read", "see also", "also on this site", "recommended from medium",
        "more interviews", "more features", "more essays", "more news", "latest reviews",
        "latest news", "you might like", "what to read next",
    ),
    COMMENTS: (
        "leave a reply", "leave a comment", "cancel reply", "post comment", "submit comment",
        "comments (0)", "no comments", "no comments yet", "be the first to comment",
        "comments", "comment", "comment *", "name *", "email *", "website", "website url",
        "required fields are marked *", "join the discussion", "add a comment",
        "view comments", "show comments", "load more comments", "add a comment\u2026",
        "add a comment...",
        "rate and review", "want to see | not interested",
        "want to see", "not interested",
    ),
    NAVIGATION: (
        "post navigation", "previous post", "next post", "previous article", "next article",
        "previous", "next", "back to top", "skip to content", "table of contents", "contents",
        "toggle", "menu", "about the author", "click to share",
    ),
}  # fmt: skip
_EXACT_REASON = {line: reason for reason, lines in _EXACT.items() for line in lines}
# After these the page lists other posts, share buttons or a comment form, line after line.
_BLOCK_STARTS = frozenset({
    "related", "related posts", "related articles", "related stories", "related reviews",
    "similar posts", "you may also like", "you might also like", "you may like", "recommended",
    "recommended for you", "recommended reading", "trending", "trending now", "popular posts",
    "most popular", "most read", "more from this author", "more stories", "more reviews",
    "read next", "up next", "editor's picks", "more like this", "leave a reply",
    "leave a comment", "comments", "join the discussion", "post navigation", "share this",
    "share this post", "share this article", "like this", "recommended from medium",
    "more interviews", "more features", "more essays", "more news", "latest reviews",
    "latest news", "you might like", "what to read next",
})  # fmt: skip
_SHARE_WORDS = frozenset(_EXACT[SHARE]) | {"more", "share"}

_PREFIXES: tuple[tuple[str, str], ...] = (
    ("share:", SHARE), ("share on ", SHARE), ("share this ", SHARE), ("click to share", SHARE),
    ("click to email", SHARE), ("click to print", SHARE), ("(opens in new window)", SHARE),
    ("follow us on ", SHARE), ("follow me on ", SHARE), ("follow on ", SHARE),
    ("read more:", RELATED), ("read more -", RELATED), ("read more \u00bb", RELATED),
    ("also read:", RELATED), ("also read -", RELATED), ("read also:", RELATED),
    ("must read:", RELATED), ("see also:", RELATED), ("related:", RELATED),
    ("related post:", RELATED), ("related article:", RELATED), ("recommended:", RELATED),
    ("read next:", RELATED), ("more from ", RELATED), ("recommended from ", RELATED),
    ("trending:", RELATED), ("more interviews:", RELATED), ("critics consensus:", RELATED),
    ("audience says:", RELATED), ("tomatometer", RELATED), ("subject:", NEWSLETTER),
    ("last edited by ", NAVIGATION),
    ("tell us in the comments", COMMENTS), ("let us know in the comments", COMMENTS),
    ("which ones did we miss", COMMENTS), ("follow our ", SHARE), ("editor's note:", NAVIGATION),
    ("editors' note:", NAVIGATION), ("correction:", NAVIGATION), ("photo: courtesy", NAVIGATION),
    ("caption:", NAVIGATION), ("listen on apple podcasts", SHARE), ("listen on spotify", SHARE),
    ("become a patreon", NEWSLETTER), ("enjoyed this? forward", NEWSLETTER),
    ("watch next:", RELATED), ("you may also like:", RELATED),
    ("support the show", NEWSLETTER), ("support us on ", NEWSLETTER),
    ("become a patron", NEWSLETTER), ("subscribe wherever", NEWSLETTER),
    ("listen on ", SHARE), ("listen wherever", NEWSLETTER), ("listen now", SHARE),
    ("thanks for reading", NEWSLETTER), ("thank you for reading", NEWSLETTER),
    ("subscribe to ", NEWSLETTER), ("subscribe for ", NEWSLETTER), ("sign up for ", NEWSLETTER),
    ("sign up to ", NEWSLETTER), ("type your email", NEWSLETTER), ("enter your email", NEWSLETTER),
    ("already have an account", NEWSLETTER), ("upgrade to paid", NEWSLETTER),
    ("get the newsletter", NEWSLETTER), ("join our newsletter", NEWSLETTER),
    ("join the newsletter", NEWSLETTER), ("this post is public so feel free to share", NEWSLETTER),
    ("your email address will not be published", COMMENTS),
    ("save my name, email, and website", COMMENTS), ("save my name, email and website", COMMENTS),
    ("this site uses akismet", COMMENTS), ("notify me of ", COMMENTS),
    ("you must be logged in to post", COMMENTS), ("log in to leave a comment", COMMENTS),
    ("log in to reply", COMMENTS), ("required fields are marked", COMMENTS),
    ("filed under:", NAVIGATION), ("posted in ", NAVIGATION), ("categories:", NAVIGATION),
    ("\u00a9", NAVIGATION), ("copyright \u00a9", NAVIGATION), ("all rights reserved", NAVIGATION),
    ("liked by ", APP), ("was this review helpful", APP), ("did you find this review helpful", APP),
    ("sign in to vote", APP), ("log in to vote", APP), ("advertisement -", ADVERT),
    ("- advertisement -", ADVERT),
)  # fmt: skip

# Prefixes that also open ordinary sentences ("Subscribe to its rhythm ..."): furniture only
# with a word of the trade in the line.
_SOFT_PREFIXES = frozenset({
    "subscribe to ", "subscribe for ", "sign up for ", "sign up to ", "thanks for reading",
    "thank you for reading", "more from ", "posted in ", "follow on ", "liked by ",
    "follow us on ", "follow me on ",
})  # fmt: skip
_TRADE_WORDS = re.compile(
    r"newsletter|subscri|inbox|e-?mail|\bposts?\b|\bfree\b|support my work|\bpaid\b|updates"
    r"|substack|patreon|ko-fi|\bothers?\b|\bauthor\b|uncategori[sz]ed|\breviews?\b"
    r"|instagram|twitter|facebook|bluesky|mastodon|threads|tiktok|youtube|letterboxd|@\w{2,}"
    r"|^[^.!?]{0,40}$|^[^.!?]{0,20}[.!]{1,3}$"
)

_PREFIX_REASON = dict(_PREFIXES)
_PREFIX = re.compile("|".join(re.escape(p) for p in sorted(_PREFIX_REASON, key=len, reverse=True)))

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
_DATE = (
    rf"(?:{_WEEKDAY},? )?(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}|{_MONTH},? \d{{4}}|\d{{4}}-\d\d-\d\d"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4})"
    r"(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]\.?m\.?)?(?: [a-z]{2,5})?)?"
)
_DATE_RE = re.compile(_DATE)
_READ_TIME = re.compile(r"\b\d{1,3}[ -]?(?:min(?:ute)?s?|mins?)\.?(?: read)?\b|reading time:?")
# Words a byline or date line is made of once its names and dates are taken out.
_FILLER = re.compile(
    r"\b(?:(?:last |first |originally )?(?:updated|published|posted|modified|edited)(?: on| at)?"
    r"|on|at|read|date|written|filed|(?:senior |chief |staff |lead |contributing |guest |film "
    r"|features |deputy |associate )*(?:critic|writer|editor|reviewer|contributor"
    r"|correspondent|columnist))\b|@\w+|[|,;:\u2022\u00b7/()\[\]\-\u2013\u2014\u00bb]|\""
)
_BYLINE_START = re.compile(
    r"^(?:(?:by|words by|reviewed by|posted by|story by|text by|written by"
    r"|(?:an? )?(?:film |movie )?(?:review|article|essay|interview) by) +"
    r"|(?:words|author|critic): *)",
    re.IGNORECASE,
)
_DATE_START = re.compile(
    r"^(?:(?:last |first |originally )?(?:updated|published|posted|modified)"
    r"(?: by [^|,\u00b7\u2022\"\u00bb]{1,40}?(?= on | ?[|,\u00b7\u2022\"\u00bb]|$))?"
    r"(?: on)?"
    r"|date|(?:re)?watched(?: on)?|logged(?: on)?|seen(?: on)?)\b:? *"
)
_MD_LINK = re.compile(r"!?\[([^\[\]]{0,200})\]\([^()\s]{0,500}(?: \"[^\"]{0,200}\")?\)")
_MOSTLY_CAPITALS = re.compile(r"^\W*[A-Za-z]{2,5} [A-Z][A-Z'\u2019-]+ [A-Z]")  # "By JANE DOE"
_MORE_NAMES = re.compile(r",? (?:and|&) |, ")
_RELATIVE_DATE = re.compile(
    r"\b(?:\d{1,3}|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r" ago\b|\b(?:yesterday|today|just now)\b"
)
_POSTED_BY = re.compile(
    r"\bby [^|\u2022\u00b7,\"\u00bb]{1,40}?(?= on |[|\u2022\u00b7,\"\u00bb]|$)"
    r"|\bin [^|\u2022\u00b7]{1,30}$"
)
# "Home » Film » Reviews", "Home > Reviews > Drama": a site's breadcrumb trail.
_BREADCRUMB = re.compile(
    r"^(?:[\w'&.-]+(?: [\w'&.-]+){0,3}) ?[\u00bb\u203a>/] ?"
    r"(?:[\w'&.-]+(?: [\w'&.-]+){0,3})(?: ?[\u00bb\u203a>/] ?[\w'&.-]+(?: [\w'&.-]+){0,3})*$"
)
# An audio player's clock ("0:00 / 12:41") and a user name alone on its line ("quietframe_77":
# lower case, with a digit or an underscore, which no critic's sentence is).
_PLAYER_CLOCK = re.compile(r"^\d{1,2}:\d\d(?::\d\d)? ?/ ?-?\d{1,2}:\d\d(?::\d\d)?$")
_HANDLE = re.compile(r"^@?(?=[a-z0-9_.]*[a-z])(?=[a-z0-9_.]*[\d_])[a-z0-9_.]{3,30}$")
# Reddit's header parts: "r/movies", "u/quietframe", "Posted by u/quietframe 4 hours ago".
_FORUM_PART = re.compile(
    r"^(?:r/\w{2,30}|u/[\w-]{2,30}|(?:posted by )?u/[\w-]{2,30}(?: .{0,30} ago)?)$"
)
_LEADING_SYMBOLS = re.compile(r"^[^\w\s*_#>|:\u2022\"'(\[]+\s*")
_BBCODE = re.compile(
    r"\[/?(?:b|i|u|s|size|color|font|quote|url|center|small)(?:=[^\]]{0,40})?\]", re.I
)
# "View all 58 comments" under a post: readers' comments follow, to the end.
_VIEW_COMMENTS = re.compile(r"^view all [\d,]+ comments?$")
# A podcast episode's line: "Reel Talk Podcast · 1 hr 14 min · Released 14 February 2024".
_EPISODE_PART = re.compile(
    r"^(?:[\w' &-]{1,40} podcast|episode \d{1,4}|ep\. ?\d{1,4}|\d{1,2} hrs?(?: \d{1,2} min)?"
    r"|\d{1,3} min|released .{4,30})$"
)
# A forum's reply under the post ("Re: Copper Saints (2020) - my thoughts"): others' text.
_REPLY = re.compile(r"^re: .{1,120}$")
# A forum profile's parts: "Posts: 2,318", "Joined: Aug 2011", "Location: Leeds".
_PROFILE_PART = re.compile(r"^(?:posts|joined|location|reputation|karma|member since|messages):")
_PARTS = re.compile(r" [\u00b7\u2022|] ")
# Letterboxd's header above a review: the user's handle (no critic's name) and their stars.
_LETTERBOXD_REVIEW_BY = re.compile(
    r"^review by @?[\w.-]{2,40}(?P<stars> [\u2605\u2606\u00bd]{1,10})?$", re.IGNORECASE
)
_LETTERBOXD_BYLINE = re.compile(r"^(.{3,60})'s review published on letterboxd:?$", re.IGNORECASE)
_COUNT = re.compile(
    r"^\d[\d,.]*k? (?:likes?|upvotes?|downvotes?|points?|votes?|comments?|replies|repl(?:y|ies)"
    r"|shares?|views?|reads?|restacks?|responses?|fans?|notes?)$"
)
# A date line without a calendar date: "Updated 2 hours ago", "6 min read".
_LOOKS_DATED = re.compile(r" ago\b|\b(?:yesterday|today|just now)\b|\bmin(?:ute)?s?\b|reading time")
_HELPFUL = re.compile(
    r"^\d[\d,]* (?:out )?of \d[\d,]* (?:people |users )?found this (?:review )?helpful"
)
# "reelwatcher_88 12 January 2020": a site's user name and the date of the post.
_HANDLE_DATE = re.compile(r"^@?[\w.-]{2,40} (?=\S)")
_COMMENT_COUNT = re.compile(
    r"^\d{1,5} (?:thoughts?|responses?|comments?|replies) (?:on|to) |^comments? \(\d{1,5}\)$"
)


def _bare(line_key: str) -> str:
    # Emoji and symbols open app chrome too ("\u25b6\ufe0f Listen on", "\u2764\ufe0f 1,204 likes")
    return _LEADING_SYMBOLS.sub("", line_key).strip(" *_#>-\u2022:|")


def _is_filler(rest: str) -> bool:
    """Only dates, reading times, "updated", roles and separators are left."""
    rest = _READ_TIME.sub(" ", _DATE_RE.sub(" ", _RELATIVE_DATE.sub(" ", rest)))
    return not _FILLER.sub(" ", rest).strip(" .")


def _names_at(line_plain: str, pos: int) -> tuple[str, int] | None:
    """The first of one or more names from `pos` ("Jane Doe and Tobias Wren"), and their end."""
    found = name_at(line_plain, pos)
    if not found or not is_person_name(found[0]):
        return None
    first, end = found
    while more := _MORE_NAMES.match(line_plain, end):
        another = name_at(line_plain, more.end())
        if not another or not is_person_name(another[0]):
            break
        end = another[1]
    return first, end


def _byline(line_plain: str, dated: bool) -> str | None:
    """ "By Jane Doe | Updated March 3, 2024" -> "Jane Doe"; None when the line is prose."""
    start = _BYLINE_START.match(line_plain)
    if not (start or dated or line_plain.casefold().endswith((":", "letterboxd"))):
        return None
    if line_plain.isupper() or _MOSTLY_CAPITALS.match(line_plain):
        line_plain = line_plain.title()  # "BY JANE DOE"
    if start:
        found = _names_at(line_plain, start.end())
        if found and _is_filler(line_plain[found[1] :].casefold()):
            return found[0]
        return None
    letterboxd = _LETTERBOXD_BYLINE.match(line_plain)
    if letterboxd and is_person_name(letterboxd.group(1)):
        return letterboxd.group(1)
    if not dated:
        return None
    # "Jane Doe | March 3, 2024": a name, then a date and nothing else
    found = _names_at(line_plain, 0)
    if found and found[1] < len(line_plain):
        rest = line_plain[found[1] :].casefold()
        if _DATE_RE.search(rest) and _is_filler(rest):
            return found[0]
    # "March 3, 2024 by Jane Doe", "Posted on 3 March 2024 by Jane Doe"
    at = line_plain.casefold().rfind(" by ")
    if at > 0 and _is_date_line(line_plain[:at].casefold()):
        found = name_at(line_plain, at + 4)
        if found and is_person_name(found[0]) and _is_filler(line_plain[found[1] :].casefold()):
            return found[0]
    return None


def _all_parts_furniture(bare: str) -> bool:
    """A line of "·"-separated parts, each of them furniture on its own line."""
    parts = [part.strip() for part in _PARTS.split(bare)]
    return len(parts) > 1 and all(
        part
        and (
            _FORUM_PART.match(part)
            or _PROFILE_PART.match(part)
            or _EPISODE_PART.match(part)
            or furniture(part) is not None
        )
        for part in parts
    )


def _is_breadcrumb(line: str) -> bool:
    """ "Home » Film » Reviews": words between arrows, the first "Home" or every part short and
    capitalised ("Film › Reviews"), never a sentence ("1 > 0", "and/or")."""
    # plain() reads the arrows as quotation marks: "Home » Film" arrives as 'Home " Film'.
    line = line.replace(' " ', " \u00bb ").replace(" ' ", " \u203a ")
    parts = [p.strip() for p in re.split(r" [\u00bb\u203a>] ", line)]
    if len(line) <= 160 and len(parts) >= 3 and re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", parts[0]):
        return True  # "CineForum.net › Reviews › Member Reviews › Title (2020) - my thoughts"
    if len(line) > 100 or not _BREADCRUMB.match(line):
        return False
    parts = [p.strip() for p in re.split(r"[\u00bb\u203a>/]", line)]
    if parts[0].casefold() in ("home", "start", "front page", "homepage"):
        return True
    arrows = "/" not in line  # "Sound/Vision/Silence" may be a critic's heading
    return arrows and len(parts) >= 3 and all(p[:1].isupper() for p in parts)


def _is_date_line(line_key: str) -> bool:
    """ "Updated March 3, 2024", "Watched on Sunday March 3, 2024", "3 Mar 2024 · 5 min read"."""
    if len(line_key) > 120:
        return False
    prefix = _DATE_START.match(line_key)
    rest = line_key[prefix.end() :] if prefix else line_key
    if prefix and _RELATIVE_DATE.search(rest):
        rest = _RELATIVE_DATE.sub(" ", rest)  # "Updated 2 hours ago"
    elif not (_DATE_RE.search(rest) or (prefix is None and _READ_TIME.search(rest))):
        return False
    if prefix:
        rest = _POSTED_BY.sub(" ", rest)  # "Posted by admin on ...", "... in Reviews"
    return _is_filler(rest)


def furniture(line_plain: str) -> Furniture | None:
    """Why a line (plain()) is page furniture, or None when it may be the critic's text."""
    if len(line_plain) > 300:
        return None
    if "[" in line_plain:  # "[size=1]Last edited by ...[/size]": BBCode reads as its words
        line_plain = _BBCODE.sub("", line_plain).strip()
    if "spoil" in line_plain.casefold():
        return None  # a notice in an editor's note or a banner is read by the spoiler rules
    if "](" in line_plain:  # "[Subscribe now](https://...)": a Markdown link reads as its words
        line_plain = _MD_LINK.sub(r"\1", line_plain).strip()
    line_key = line_plain.casefold()
    bare = _bare(line_key)
    reason = _EXACT_REASON.get(line_key) or _EXACT_REASON.get(bare)
    if reason:
        return Furniture(reason, starts_block=bare in _BLOCK_STARTS)
    start = _PREFIX.match(bare) or _PREFIX.match(line_key)
    if start:
        prefix = start.group()
        if prefix not in _SOFT_PREFIXES or _TRADE_WORDS.search(bare[len(prefix) :]):
            return Furniture(_PREFIX_REASON[prefix])
    if len(line_plain) <= 160:
        dated = _DATE_RE.search(line_key) is not None
        name = _byline(line_plain.strip(" *_#>"), dated)
        if name:
            return Furniture(BYLINE, byline=name)
        if _is_breadcrumb(line_plain.strip()):
            return Furniture(NAVIGATION)
        if header := _LETTERBOXD_REVIEW_BY.match(line_plain.strip(" *_#>")):
            stars = header.group("stars")
            return Furniture(APP, rating=stars.strip() if stars else None)
        if (dated or _LOOKS_DATED.search(bare)) and _is_date_line(bare):
            starts = _DATE_START.match(bare)
            watched = starts is not None and starts.group().startswith(("watched", "re", "logged"))
            return Furniture(APP if watched else DATE)
        if _COUNT.match(bare) or _HELPFUL.match(bare):
            return Furniture(APP)
        handle = _HANDLE_DATE.match(bare) if dated else None
        if handle and _DATE_RE.match(bare, handle.end()) and _is_filler(bare[handle.end() :]):
            token = handle.group().strip()
            if token.lstrip("@").islower() or any(c.isdigit() or c in "_@." for c in token):
                return Furniture(BYLINE)  # a user name is no critic's name
        if _VIEW_COMMENTS.match(bare) or _REPLY.match(bare):
            return Furniture(READER_COMMENTS, starts_block=True, ends_text=True)
        if _RELATIVE_DATE.fullmatch(bare):
            return Furniture(DATE)  # "3 DAYS AGO"
        if _COMMENT_COUNT.match(bare):
            return Furniture(READER_COMMENTS, starts_block=True, ends_text=True)
        if _PLAYER_CLOCK.match(bare):
            return Furniture(SHARE)
        if _HANDLE.match(line_plain.strip()):
            return Furniture(BYLINE)  # a user name is no critic's name
        if _all_parts_furniture(bare):
            return Furniture(APP)  # "124 comments · Share · Save", "r/movies • Posted by u/..."
        words = bare.replace("|", " ").replace("\u00b7", " ").split()
        if len(words) > 1 and all(word.strip(",") in _SHARE_WORDS for word in words):
            return Furniture(SHARE)  # "Facebook Twitter Email"
    return None


def continues_block(line_plain: str) -> bool:
    """Inside a related-posts or comment block: a short line that is not a sentence."""
    tail = line_plain.rstrip("\"')]*_ ")
    return len(line_plain) <= 150 and not (tail and (tail[-1] in ".!;," or tail.endswith("...")))

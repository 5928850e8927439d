"""Spoiler notices: what starts a spoiler part, what ends one, and what only says there are none.

The rules fail closed. A sentence that speaks of spoilers starts a spoiler part unless it says the
opposite ("spoiler-free", "no spoilers", "I won't spoil ..."); when it says both, or only mentions
spoilers in passing, it still starts one, and the caller warns (`sure` is False). A spoiler part
ends only at an explicit line ("Spoilers end here", "/spoilers", "END SPOILERS").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

START = "start"
END = "end"


@dataclass(frozen=True)
class SpoilerNote:
    kind: str  # START or END
    sure: bool  # False: the sentence mentions spoilers and the importer cannot tell how
    notice: bool  # the sentence only announces spoilers: it is dropped, not kept as text


_SP = r"(?:spoilers?|spoiler-?y|spoiler-?ish)"
_ADJ = (
    r"(?:major|minor|heavy|mild|light|big|full|massive|huge|some|serious|plot|ending|total"
    r"|complete|significant|spoiler-heavy|possible|potential|obvious|many|lots of|a lot of"
    r"|tons of|plenty of|several|extreme|the|all|a few|story|twist|narrative|\d+|\w+-level)"
)
_WARN = r"(?:warning|caution|heads[- ]up|note|alert|beware|psa|fyi|attention|disclaimer|nb|n\.b\.)"
_DIR = (
    r"(?:ahead|below|follow|follows|following|to follow|from here(?: on(?:wards?)?| onwards?)?"
    r"|from this point(?: on(?:wards?)?| forward)?|from now on|beyond this point|past this point"
    r"|after (?:this|the break|this point)|inside|within|galore|incoming|up next|throughout"
    r"|abound|everywhere|here|on|obviously|(?:through|until|till|to) (?:to )?the (?:very )?end"
    r"(?: of [^.!?]{1,40})?|of course|ok|okay|for (?:the )?(?:whole|entire) "
    r"(?:film|movie|story|plot|thing)|in (?:this|the) (?:review|article|post|piece|section"
    r"|essay|analysis|text|discussion)|in (?:the )?(?:next|following) (?:section|part|paragraphs?)"
    r"|to come|coming up|at the end|in the comments|for (?:[^.!?]{1,60}?))"
)
_WARNED = (
    r"(?:you(?:'ve| have) been warned|consider yourself warned|read at your own risk"
    r"|proceed with caution|beware|read on at your own risk|don't say i didn't warn you"
    r"|(?:proceed|continue|read on) at your own risk"
    r"|if you haven't seen (?:it|the film|the movie)(?: yet)?"
    r"|i can handle the truth)"  # Letterboxd's button under "This review may contain spoilers."
)
_SUBJECT = (
    r"(?:this|the following|what follows|the rest of (?:this|the)|the next|everything"
    r"(?: below| after this| from here)?|below|my|our|the|this next)(?: [\w'-]+){0,3}"
)
_VERB = (
    r"(?:contains?|containing|has|have|includes?|including|is|are|will (?:contain|include|have"
    r"|be|discuss)|may (?:contain|include|have|be)|might (?:contain|include|have|be)|could "
    r"(?:contain|include)|discuss(?:es)?|goes? into|gets? into|is full of|are full of|is "
    r"riddled with|is packed with|is heavy (?:on|with)|deals? in)"
)
_TAIL = r"(?: (?:for|about|regarding|concerning|of|through|in|on|to) [^.!?]{1,60})?"
# A whole sentence that only announces spoilers ("SPOILER ALERT", "This review may contain
# spoilers", "Warning: spoilers for The Salt Road follow"); such a sentence is dropped.
_NOTICE = re.compile(
    r"^(?:(?:(?:so|ok|okay|right|now|alright|and|but|anyway|obviously|naturally|fair),? )?"
    rf"(?:{_WARN}\W+)?(?:(?:here|there) (?:be|are) )?(?:(?:a |an )?{_ADJ}[ -])*{_SP}"
    r"(?: (?:alert|warning|ahead|below|section|territory|zone|discussion|talk|city|central"
    r"|coming|incoming|abound))?"
    rf"(?:\W+{_DIR})*(?:\W+{_WARNED})?"
    rf"|{_WARN}\W+(?:[\w'-]+ ){{0,8}}?{_SP}(?: [\w'-]+){{0,8}}"
    rf"|{_SUBJECT} {_VERB}(?: (?:a |an )?{_ADJ}[ -]?)* ?{_SP}(?: (?:ahead|below|throughout"
    rf"|from here(?: on)?))?{_TAIL}"
    rf"|(?:beware of|contains|contain|may contain|might contain|includes|heavy|here be|there be"
    rf"|here there be|caution|warning) (?:(?:a |an )?{_ADJ}[ -])*{_SP}{_TAIL}"
    rf"|{_WARNED}(?:\W+{_SP}(?:\W+{_DIR})*)?"
    rf"|(?:a |an )?{_SP}[- ](?:heavy|filled|laden|rich|packed|ridden|y|ish)(?: (?:discussion"
    rf"|analysis|section|review|talk|territory|zone|part|breakdown|recap|stuff|content))?"
    rf"(?:\W+{_DIR})*"
    rf"|(?:let's|let us|now|time to|we'll|i'll) (?:get into|talk|dive into|discuss) {_SP}"
    rf"(?:\W+{_DIR})*"
    rf"|{_SP} (?:are )?(?:ahead|below|to follow|coming|incoming|abound)(?:\W+{_WARNED})?"
    r")$"
)
# "spoiler", "spoilers", "spoilery", "spoil the ending", "spoiling it"; not "spoiled", "the spoils".
_SPOIL = re.compile(
    r"\bspoiler|\bspoil(?:ing)?\b(?! of)|\bspoils (?:it|everything|the (?:ending|twist|film|movie"
    r"|plot|surprise|story|finale|reveal|climax))\b"
)
_SECRET = (
    r"(?:(?:the|its|this film's|the film's|the movie's|that|this|how the film's|a|an|some|key"
    r"|major|crucial|important|significant|big|final|whole|entire|full|surprise|shock|late"
    r"|every|all|all the|many|several|specific|central|last|plot|twist|secret) )*"
    r"(?:endings?|finale|twists?|climax|reveals?|revelations?|plot(?: details| points?"
    r"| twists?| developments| specifics| beats)?|story (?:details|beats)|final (?:scenes?|shot"
    r"|act|moments|minutes|reel|twist|reveal)|last (?:scenes?|shot|act|moments|minutes|reel)"
    r"|third act|what happens|who dies|who survives|how it (?:all )?ends|surprises?"
    r"|outcome|resolution|the identity|the killer|whodunn?it)"
)
_DISCLOSE = (
    r"(?:discuss\w*|reveal\w*|give\w* away|giving away|spell\w* out|explain\w*|describ\w*"
    r"|talk\w* about|get\w* into|go(?:es|ing)? into|dig\w* into|detail\w*|dissect\w*|unpack\w*"
    r"|break\w* down|walk\w* through|lay\w* out|ruin\w*|contain\w*|includ\w*|cover\w*"
    r"|address\w*|deal\w* with|look\w* (?:closely )?at|analy[sz]\w*|examin\w*|tackl\w*"
    r"|get to|turn to|move on to|come to)"
)
_FORWARD = (
    r"(?:from here(?: on(?:wards?)?)?|from this point(?: on)?|from now on|past this point"
    r"|beyond this point|below|ahead|hereafter|the following|what follows|the rest of (?:this"
    r"|the|my) (?:review|piece|article|post|essay|text|section|analysis)|in (?:this|the next"
    r"|the following) (?:section|part|paragraphs?)|(?:this|the next|the following) (?:section"
    r"|part|paragraphs?|review|piece|article|post|essay|analysis)|i(?:'m going to| am going to"
    r"|'ll| will| need to| have to|'d like to| want to| must)|we(?:'ll| will|'re going to| must"
    r"| need to)|let's|let us|let me|now (?:i|we)|time to|it's time to|onto|on to|now to)"
)
# Notices without the word: "From here on I discuss the ending", "The following contains major
# plot details", "Stop reading now if you haven't seen it".
_DISCLOSURE = re.compile(
    rf"\b{_FORWARD}\b[^.!?]{{0,50}}?\b{_DISCLOSE}\b[^.!?]{{0,30}}?\b{_SECRET}\b"
    rf"|\b{_SECRET} (?:is |are |will be )?(?:discussed |revealed |detailed |explained )?"
    r"(?:follows?(?=\W*$|[.!?:;,])|ahead|below|from here(?: on)?|to follow|after the break"
    r"|in the next section)\b"
    r"|\b(?:(?:if you haven't seen (?:it|the film|the movie)(?: yet)?,? )?(?:stop reading"
    r"|read no further|look away|turn back)(?: now)?(?:,? if you haven't seen (?:it|the film"
    r"|the movie)(?: yet)?)?|look away|turn back)(?= now| if|\W*$)"
    r"|\bavert your eyes\b|\bskip (?:this|the next|the following) (?:section|part|paragraphs?)\b"
    r"|\bcome back (?:after|once|when) you(?:'ve| have) (?:seen|watched)\b"
    r"|\b(?:watch|see) (?:it|the film|the movie) (?:first|before (?:reading|you read))\b"
    rf"|\b{_WARNED}\b"
    r"|\b(?:assum\w*|presum\w*) (?:that )?(?:you(?:'ve| have)?|the reader has|readers have)"
    r" (?:already )?(?:seen|watched)\b"
    r"|\bread\w*\b[^.!?]{0,40}\b(?:unless|until|if|once|only if|after) you(?:'ve| have)?"
    r" (?:already )?(?:seen|watched)\b"
    r"|\b(?:for|only for) (?:those|people|readers|anyone|viewers) who(?:'ve| have)? (?:already )?"
    r"(?:seen|watched)\b"
    r"|\bnow,? (?:for|to|on to|onto) (?:the )?(?:ending|twist|finale|big reveal)\b"
    # The writer giving it away, with no word for what: "Here is where I have to give things
    # away", "I'm going to reveal everything", "time to spill the beans", "stop here".
    r"|\b(?:i|we|let me|let's|time to)(?:'ll|'m| am|'re| are| will| have to| must| need to"
    r"| can't help but| going to| about to| gonna)*(?: (?:now|finally|just|simply|have to"
    r"|need to|going to|about to))* (?:give|giving|spill|spilling) (?:[\w'-]+ ){0,2}?"
    r"(?:away|the beans|the game)\b"
    r"|\b(?:give|giving|gives) (?:it|everything|it all|the game|the whole thing) away"
    r"(?= now| here| from here|\W*$)"
    r"|\b(?:i|we)(?:'ll| will|'m going to| am going to| have to| must| need to) (?:now )?"
    r"(?:reveal|tell you|spell out) (?:everything|all|how it ends|who did it|the lot)\b"
    r"|\bstop (?:here|now)\b(?=[^.!?]{0,20}\bif you(?:'ve| have)? (?:not|haven't)\b)"
    # "The next two paragraphs reveal the twist", "Fair warning: I talk about the final scene",
    # "I'm about to ruin the ending", "Here comes the twist", "Contains plot reveals".
    r"|\bthe (?:next|last|final|following) (?:(?:two|three|few|couple of|\d+) )?(?:sections?"
    rf"|parts?|paragraphs?|bits?|pages?)\b[^.!?]{{0,30}}?\b{_DISCLOSE}\b"
    r"|\b(?:fair warning|caveat lector|be warned|heads[- ]up|a warning)\b"
    rf"[^.!?]{{0,60}}\b{_SECRET}\b"
    rf"|\bi(?:'m| am) (?:about|going) to (?:\w+ )?(?:ruin|spoil|reveal|give away)\b"
    r"|\bhere (?:comes|is|'s) (?:the )?(?:twist|big reveal|ending|reveal)\W*$"
    r"|^\W*contains? (?:major |big |some |heavy )?(?:plot|ending|twist)\b"
    r"|\b(?:not|n't) (?:\w+ ){0,2}read (?:this|it|on|further)? ?(?:before|until|unless) (?:seeing|"
    r"watching|you(?:'ve| have)? (?:seen|watched))\b"
    r"|\bskip (?:ahead |straight |down )?to the (?:verdict|end|last paragraph|bottom line)\b"
    # French, Spanish, Italian, German: "la suite dévoile la fin", "divulgâcheur", "a partir de
    # aquí revelo el final", "attenzione: rivelo il finale", "Achtung, Ende wird verraten".
    r"|\bdivulg\u00e2ch\w*|\b(?:la suite|ce qui suit|cette (?:partie|section)|la fin de (?:cet"
    r" article|ce texte)|je vais|nous allons|on va)\b[^.!?]{0,30}\b(?:d\u00e9voil\w*"
    r"|r\u00e9v\u00e9l\w*|r\u00e9vel\w*|racont\w*|divulgu\w*)\b"
    r"|\b(?:revel\w*|cuento|contar\u00e9) (?:el|la) (?:final"
    r"|desenlace|giro)\b|\brivel\w* (?:il|la) (?:finale|colpo di scena)\b|\bverrat\w*"
    r"|\bif you(?:'ve| have)? (?:not|haven't) (?:yet )?(?:seen|watched) (?:it|the film|the movie)"
    r"(?: yet)?,? stop (?:here|now|reading)\b"
)
# What may trail a notice without making it text: "... the ending of The Salt Road in full."
_NOTICE_TAIL = re.compile(
    r"\b(?:of|for|in|from) (?:the film|the movie|this film|[^.!?,]{1,40}?)(?= in (?:full|detail"
    r"|depth)|$)|\bin (?:full|detail|depth|great detail)\b|\b(?:below|here|now|today)\b"
)
_WORD = re.compile(r"[\w'-]+")
# The words of a notice; a sentence of these (and one other word at most) only announces.
_NOTICE_WORDS = frozenset({
    "click", "tap", "view", "show", "reveal", "hidden", "hide", "expand",  # a forum's toggle
    "spoiler", "spoilers", "spoilery", "spoiler-y", "spoilerish", "spoiler-ish",
    "spoiler-heavy", "spoiler-filled", "spoiler-laden", "ahoy", "here", "here's", "come",
    "comes", "coming", "the", "time", "for", "okay", "ok", "alright", "right", "so", "now",
    "entering", "enter", "we're", "we", "are", "i'm", "i", "am", "it's", "it", "gets", "get",
    "getting", "gonna", "going", "to", "be", "there", "will", "territory", "zone", "begins",
    "begin", "starts", "start", "a", "an", "some", "major", "minor", "heavy", "mild", "light",
    "big", "full", "huge", "massive", "serious", "real", "lots", "of", "plenty", "all",
    "alert", "alerts", "warning", "warnings", "ahead", "below", "follow", "follows",
    "following", "from", "on", "onwards", "onward", "this", "that", "point", "beyond", "past",
    "and", "but", "obviously", "course", "naturally", "in", "with", "contains", "contain",
    "may", "might", "has", "have", "is", "review", "article", "post", "piece", "section",
    "essay", "analysis", "text", "discussion", "what", "warned", "you", "been", "consider",
    "yourself", "beware", "caution", "heads", "up", "note", "fyi", "psa", "let's", "let", "us",
    "talk", "about", "discuss", "into", "dive", "where", "things", "stuff", "ending", "twist",
    "plot", "details", "end", "through", "until",
})  # fmt: skip
# "No spoilers", "spoiler-free", "I won't spoil", "without giving away the ending".
_NEGATION = re.compile(
    r"\bspoiler[- ]?free\b|\bspoilers?[- ]?less\b|\bnon[- ]?spoiler\w*"
    r"|\b(?:no|zero|nil|without|free of|free from|avoid\w*|avoid any|minus|sans|not any|absent"
    r"|none of the|nothing in the way of|don't worry about|steer\w* clear of|keep\w* clear of"
    r"|never) (?:[\w'-]+ ){0,2}?(?:spoil\w*|plot details|giving (?:\w+ )?away|revealing)"
    r"|\b(?:won't|will not|wont|not going to|am not going to|i'm not going to|don't want to"
    r"|do not want to|don't|do not|never|not|no need to|without|try not to|careful not to"
    r"|won't be|wouldn't|would not|can't|cannot|shouldn't|mustn't|refuse to|avoid)"
    r" (?:[\w'-]+ ){0,3}?(?:spoil\w*|give\w* away|giving away|reveal\w*|discuss\w*|ruin\w*"
    r"|go into|get into|talk about|detail\w*)(?: (?:it|anything|too much|much|the \w+))?"
    r"|\bkeep\w* (?:it |this |things )?(?:spoiler[- ]free|vague|light)"
    r"|\b(?:sans|ne) (?:rien )?(?:d\u00e9voil\w*|r\u00e9v\u00e9l\w*|divulgu\w*|trop en dire)"
    r"(?: rien)?\b"
    r"|\b(?:won't|will not|wont|not going to|don't want to|do not want to|never|without"
    r"|try not to|careful not to|wouldn't|would not|refuse to|avoid) (?:[\w'-]+ ){0,2}?"
    r"(?:give|giving|spill|spilling) (?:[\w'-]+ ){0,2}?(?:away|the beans|the game)\b"
)
# "I can't discuss it without spoiling it", "mostly spoiler-free": the opposite of a promise.
_NOT_A_PROMISE = re.compile(
    r"\b(?:can't|cannot|can not|impossible to|no way to|hard to|difficult to|unable to)"
    r" [^.!?]{0,60}without (?:spoil\w*|giving (?:\w+ )?away|revealing)"
    r"|\b(?:mostly|largely|almost|nearly|relatively|fairly|mainly|broadly|basically|somewhat"
    r"|pretty|partly|partially|semi)[ -]spoiler[- ]?free"
    r"|\bspoiler[- ]?free (?:until|till|up to|except|apart from|save for|but for|for now|(?:for|in)"
    r" the first)"
    r"|\bspoiler[- ]?lite\b|\blight (?:on )?spoilers\b|\bminimal spoilers\b|\bfew spoilers\b"
    r"|\b(?:no|without) (?:major|big|huge|real|serious|significant) spoilers\b"
)
# "Spoilers end here", "/spoilers", "END SPOILERS", "Spoiler-free from here on".
_END = re.compile(
    r"^[^\w/]*(?:(?:ok(?:ay)?|right|alright|so|and),? )?(?:/ ?spoilers?"
    r"|end(?:s)?(?: of)?(?: the)?(?: major| heavy| big)? spoilers?(?: section| zone| territory"
    r"| part)?(?: here| now)?"
    r"|spoilers? (?:section |zone |part )?(?:end|ends|ended|over|done|finished|stop|stops|off)"
    r"(?: here| now)?"
    r"|(?:we're |we are |i'm )?(?:back to |now )?spoiler[- ]free (?:again|from here(?: on)?"
    r"|from this point(?: on)?|territory|zone)"
    r"|(?:back to |)spoiler[- ]free territory|no more spoilers(?: from here(?: on)?| after this)?"
    r"|safe to (?:read|continue|resume)(?: reading)? (?:again|now|from here)"
    r"|the spoilers (?:end|are over) here)[\W_]*$"
)
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
# A leading banner before the sentence it introduces: "SPOILER WARNING: ", "[Spoilers] ".
_BANNER = re.compile(
    r"^[^\w\n]*(?:(?:major|heavy|massive|big|mild|minor|full|huge|plot|ending) )?spoilers?"
    r"(?: (?:alert|warning|ahead|below|follow|section|territory))?[^\w\n]*?"
    r"(?:[:\]\)!]|\u2014|\u2013| - )[^\w\n]*",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]*_]*\s+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|st|vs|no|jr|sr|prof|mt|ft|etc|e\.g|i\.e|cf|vol|ch|pt|approx)"
    r"|\b[a-z])\.$",
    re.IGNORECASE,
)
# A line can speak of spoilers only if it holds one of these; a cheap test before the rest.
_CHEAP = re.compile(
    r"spoil|ending|twist|plot|finale|climax|reveal|stop reading|read no further|look away|"
    r"turn back|warned|what happens|avert|skip|come back|before reading|before you read|"
    r"at your own risk|proceed with caution|who dies|third act|final|last|details|story|"
    r"secret|outcome|whodun|identity|surprise|everything|the end\b|killer|how it|safe to|"
    r"seen|watched|assum|presum|handle the truth|away|spill|stop here|stop now|"
    r"d\u00e9voil|r\u00e9v|divulg|revel|rivel|verrat|warning|warned|lector|heads|about to|"
    r"here comes|contain|read"
)
# What makes a spoiler mention read as a notice rather than a passing remark.
_CUE = re.compile(
    r"\b(?:ahead|below|follows?|following|from here|from this point|beyond|past this point"
    r"|onwards?|the rest|everything|discussion|discuss\w*|warning|alert|beware|caution|warned"
    r"|contains?|includes?|territory|into|spoil(?:s|ing)? (?:it|the (?:ending|twist|film|movie"
    r"|plot|finale|story)))\b"
)


# Reddit's ">!hidden!<" and Discord's "||hidden||": the writer hid these words from readers.
INLINE_SPOILER = re.compile(
    r">!(.+?)!<|\|\|([^|\n]+?)\|\||\[spoiler(?:=[^\]]*)?\](.*?)\[/spoiler\]", re.DOTALL | re.I
)
# Where such markup opens, closed or not: an unclosed ">!" fails closed too.
_INLINE_OPEN = re.compile(r">!(?=\S)|\|\|(?=\S)|\[spoiler(?:=[^\]]*)?\]", re.I)


def might_speak_of_spoilers(line_key: str) -> bool:
    return bool(_CHEAP.search(line_key) or _INLINE_OPEN.search(line_key) or gives_away(line_key))


def inline_spoiler_at(text: str) -> int | None:
    """Where the first ">!...!<" or "||...||" of a paragraph opens, if it has one."""
    found = _INLINE_OPEN.search(text)
    return found.start() if found else None


def unwrap_inline_spoilers(text: str) -> str:
    """The hidden words without their markup (they go into a spoiler section)."""
    text = INLINE_SPOILER.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)
    return re.sub(r"(?i)\[/?spoiler(?:=[^\]]*)?\]", "", _INLINE_OPEN.sub("", text))


def end_of_spoilers(line_key: str) -> bool:
    """An explicit end of the spoiler part: "Spoilers end here", "/spoilers", "END SPOILERS"."""
    return len(line_key) <= 80 and bool(_END.match(line_key))


# A sentence labelled as the ending or the twist ("00:41:10 - The ending: ...", "Twist: ..."):
# what it says is the spoiler.
_LABELLED = re.compile(
    r"^\W*(?:\d{1,2}:\d\d(?::\d\d)?\W+)?(?:the )?(?:ending(?: explained)?|twist|big twist|reveal"
    r"|final (?:scene|shot|twist)|last (?:scene|shot)|finale|what happens(?: at the end)?"
    r"|how it ends|plot twist|who did it|whodunn?it)\s*[:\u2013\u2014]"
)
# Words that give an ending or a twist away in a sentence nobody marked ("TL;DR: ... the
# narrator turns out to be the killer"): the importer cannot tell, so it hides and warns.
_TWIST_WORDS = re.compile(
    r"\bturn(?:s|ed)? out to be (?:the|her|his|their|a ghost|dead)\b|\bit turns out (?:that|he|she|"
    r"they)\b|\b(?:was|were|is|are) (?:dead|a ghost) all along\b|\b(?:has|had) been dead (?:since|"
    r"for|all)\b|\b(?:is|was) revealed (?:to be|as)\b|\bthe (?:killer|murderer|culprit) (?:is|was)"
    r"\b|\bthe twist (?:is|was) that\b|\bdies at the end\b|\bdies in the end\b"
)


def gives_away(sentence_key: str) -> bool:
    """Whether a sentence reads like an ending or a twist given away."""
    return bool(_TWIST_WORDS.search(sentence_key))


def spoiler_note(sentence_key: str) -> SpoilerNote | None:
    """What a sentence (key(): lower case, plain) says about spoilers; None if nothing."""
    if len(sentence_key) > 2000:
        return None
    if _LABELLED.match(sentence_key):
        return SpoilerNote(START, sure=True, notice=False)
    if not _CHEAP.search(sentence_key):
        return None
    if end_of_spoilers(sentence_key):
        return SpoilerNote(END, sure=True, notice=True)
    spoil = _SPOIL.search(sentence_key)
    disclosure = _DISCLOSURE.search(sentence_key)
    if not spoil and not disclosure:
        return None
    bare = _EDGES.sub("", sentence_key)
    if _NOT_A_PROMISE.search(sentence_key):
        return SpoilerNote(START, sure=True, notice=bool(_NOTICE.match(bare)))
    rest = _NEGATION.sub(" ", sentence_key)
    if rest != sentence_key:
        if not (_SPOIL.search(rest) or _DISCLOSURE.search(rest)):
            return None  # a promise of no spoilers, and nothing else about them
        return SpoilerNote(START, sure=False, notice=False)  # says both: fail closed, warn
    notice = bool(_NOTICE.match(bare))
    if disclosure and not spoil and not notice:
        # "From here on I discuss the ending": a notice when the phrase is nearly all of it.
        found = _DISCLOSURE.search(bare)
        outside = (bare[: found.start()] + " " + bare[found.end() :]) if found else bare
        notice = len(_NOTICE_TAIL.sub(" ", outside).split()) <= 3

    if spoil and not notice:
        # "Okay, spoiler time.", "Here's where it gets spoilery.": nothing but the notice.
        words = _WORD.findall(bare)
        notice = len(words) <= 12 and sum(w not in _NOTICE_WORDS for w in words) <= 1
    sure = notice or bool(disclosure) or bool(_CUE.search(sentence_key))
    return SpoilerNote(START, sure=sure, notice=notice)


# What says the spoilers come after the notice ("Spoilers ahead", "SPOILER ALERT:", "I'll discuss
# the ending below"); a notice without it may speak of what came before ("Spoiler, obviously.").
_AHEAD = re.compile(
    r"\b(?:ahead|below|follows?|following|from here|from this point|from now|beyond|past this"
    r"|onwards?|the rest|next|to come|coming|now|alert|warning|warned|beware|caution|after this"
    r"|stop reading|read on|skip|i'll|i will|i'm (?:going|about)|let's|let me|about to"
    r"|discuss\w*|talk about|territory|into|zone|time)\b|^\W*spoilers?\W*:"
)


def looks_ahead(sentence_key: str) -> bool:
    """Whether a notice says the spoilers come after it."""
    return bool(_AHEAD.search(sentence_key))


def split_sentences(text: str) -> list[str]:
    """Consecutive spans of `text` (joined, they give it back): a leading banner, then sentences."""
    spans: list[str] = []
    banner = _BANNER.match(text)
    start = 0
    if banner and banner.end() < len(text):
        spans.append(text[: banner.end()])
        start = banner.end()
    cut = start
    for boundary in _BOUNDARY.finditer(text, start):
        if _ABBREVIATION.search(text, max(cut, boundary.start() - 6), boundary.start()):
            continue
        spans.append(text[cut : boundary.end()])
        cut = boundary.end()
    if cut < len(text):
        spans.append(text[cut:])
    return spans

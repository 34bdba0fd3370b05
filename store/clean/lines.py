"""What a line of a page is, judged on its shape alone, never on the words of one site: code,
a donation or subscription appeal, a cookie notice, a credit, a dateline, page furniture.
The plain-text and HTML cleaners both ask these questions.
"""

from __future__ import annotations

import re

_CODE_PUNCT = "{}()[];=<>|&$"
_CODE_START = re.compile(
    r"^\s*(?:!?\(?function\b|var\s|let\s|const\s|if\s*\(|for\s*\(|return\b|try\s*\{|\}|\)|"
    r"window\.|document\.|<\/?script|<\/?style|@media|\.[\w-]+\s*\{|#[\w-]+\s*\{)"
)
_CODE_TOKEN = re.compile(
    r"=>|\bfunction\s*\(|\bwindow\.\w|\bdocument\.\w|\.push\(|\.src\s*=|getElementsBy|"
    r"createElement|\bnew\s+[A-Z]\w*\(|\w\.\w+\s*=|;\s*$|\{\s*$|&&|\|\|"
)


def is_code(line: str) -> bool:
    """JavaScript, CSS or markup: prose has almost none of their punctuation."""
    if not any(c in line for c in ";{}=") and "window." not in line:
        return False  # every line of script or style has one of these
    size = len(line) - sum(line.count(c) for c in " \t\n\r\u00a0")
    if size <= 0:
        return False
    density = sum(line.count(c) for c in _CODE_PUNCT) / size
    if density >= 0.5 and size <= 12:  # "}", "})();", "});"
        return True
    tokens = len(_CODE_TOKEN.findall(line))
    if _CODE_START.search(line) and (tokens or density >= 0.05):
        return True
    return density >= 0.08 and tokens >= 1 or tokens >= 3


_MONEY = re.compile(
    r"\b(?:donat\w*|contribut\w*|subscri\w*|memberships?|members|paywalls?|sponsor\w*|"
    r"money|funds?|funding|patreon|(?:make|making)\s+(?:a\s+)?(?:modest\s+|small\s+)?"
    r"(?:support|payment|gift)|support\s+(?:us|our|independent|quality|journalism))\b",
    re.IGNORECASE,
)
_PRESS = re.compile(
    r"\b(?:journalism|journalists?|newsroom|reporting|newspapers?|coverage|content|"
    r"articles?|stories|readers?|media|magazine|paywalls?|free\s+access)\b",
    re.IGNORECASE,
)
_PRICE = re.compile(
    r"(?:[$£€¥₹]|\bRs\.?|\bUSD|\bEUR|\bGBP)\s?\d|\d\s?(?:dollars|euros|pounds)\b", re.IGNORECASE
)
_SUBSCRIPTION = re.compile(r"\b(?:subscri\w*|memberships?)\b", re.IGNORECASE)
_ADDRESS = re.compile(r"\b(?:you|your|we|our|us)\b", re.IGNORECASE)
_IMPERATIVE = re.compile(
    r"^\W*+(?:support|donate|subscribe|become|join|help|sign\s+up|consider|give|make|"
    r"contribute|click|register|get|try|start|unlock)\b",
    re.IGNORECASE,
)


def appeal_strength(line: str) -> int:
    """2 for a donation/subscription appeal, 1 for its vocabulary without an address, else 0."""
    imperative_support = re.match(r"^\W*support\b", line, re.IGNORECASE)
    # A subscription offer: an imperative, a subscription and its price ("Get ... Pro for Rs 599").
    if _IMPERATIVE.search(line) and _SUBSCRIPTION.search(line) and _PRICE.search(line):
        return 2
    if not ((_MONEY.search(line) or imperative_support) and _PRESS.search(line)):
        return 0
    if _ADDRESS.search(line) or _IMPERATIVE.search(line):
        return 2
    return 1


_CALL_TO_ACTION = re.compile(
    r"^\W*+(?:donate(?:\s+now)?|subscribe(?:\s+now)?|sign\s*(?:up|in)|log\s*in|register|"
    r"share(?:\s+this(?:\s+(?:article|story|post|page))?)?|tweet|e-?mail|print|whatsapp|"
    r"advertisement|advertising|advert|ad|sponsored(?:\s+content)?|read\s+more|continue\s+reading|"
    r"load\s+more|show\s+more|comments?|\d+\s+comments?|related(?:\s+(?:articles|stories|"
    r"news|posts|content))?|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|most\s+"
    r"(?:read|popular|viewed)|trending(?:\s+now)?|skip\s+to\s+(?:main\s+)?content|menu|"
    r"search|close|back\s+to\s+top|top\s+stories|more\s+stories|latest\s+news|"
    r"learn\s+more|see\s+more|more\s+info|videos?|photos?|gallery|watch(?:\s+now)?|"
    r"listen|you\s+may\s+also\s+be\s+interested\s+in|tell\s+us\s+what\s+you\s+think|"
    r"this\s+slideshow\s+requires\s+javascript|click\s+here[^.]*+|read\s+later|"
    r"(?:next|previous|prev)\s+(?:article|story|post)|read\s+(?:this|these)\s+next|"
    r"explore\s+further|back\s+to\s+gallery|view\s+all(?:\s+\(\d+\))?|shares?|"
    r"like\s+this\s+article\?|join\s+our\s+newsletter|view\s+pdf[\w/ ]*+|print\s+mode|"
    r"\d+\s*(?:of|/)\s*\d+)\W*$",
    re.IGNORECASE,
)
_LINK_LEADS = re.compile(
    r"^\W*+(?:(?:also|read|see|watch|listen)\s++(?:(?:also|more|next)\s*+)?:|related\s*:|"
    r"recommended\s*:|more\s*:|watch\s*:|listen\s*:|read\s+also\b|also\s+read\b|"
    r"click\s+here\b|tap\s+here\b)",
    re.IGNORECASE,
)
_AD = re.compile(
    r"^\W*+(?:text\s+)?(?:ad|advert(?:isement)?|sponsored|promoted|paid\s+content)\s*[:|\-–]"
    r"|\badvertise\s+(?:here|with\s+us)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d")
_CONTACT = re.compile(
    r"\b(?:call|contact|whatsapp|tel|phone|sms|text|email|e-mail|reach\s+us|advertis\w*)\b",
    re.IGNORECASE,
)
_SOCIAL = re.compile(
    r"\b(?:facebook|twitter|x\.com|instagram|linkedin|whatsapp|telegram|youtube|tiktok|"
    r"pinterest|reddit|flipboard|email|messenger)\b",
    re.IGNORECASE,
)
_SHARE_FOLLOW = re.compile(r"^\W*+(?:share|follow|like|join|connect|find)\b", re.IGNORECASE)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _in_order(text: str, *pairs: tuple[re.Pattern[str], re.Pattern[str]]) -> bool:
    """Whether, for one pair, the first pattern is followed later on its line by the second.

    What `A.*B` says, in linear time: `A.*B` retries `.*` from every A, so a line of many
    A's and no B costs the square of its length; here each line is read once per pair."""
    for first, then in pairs:
        pos = 0
        while m := first.search(text, pos):
            eol = text.find("\n", m.end())
            eol = len(text) if eol < 0 else eol
            if then.search(text, m.end(), eol):
                return True
            pos = eol + 1
    return False


_COOKIES = _rx(r"\bcookies?\b")
_COOKIE_WORDS = _rx(r"\b(?:use|accept|consent|policy|settings|agree|browsing|experience)\b")
_CONTINUING = _rx(r"\bby\s+continuing\s+to\s+(?:use|browse)\b")
_PRIVACY, _AGREE = _rx(r"\bprivacy\s+(?:policy|settings)\b"), _rx(r"\bagree\b")
# Cookie-policy prose speaks of "this website" and "your consent"; news about cookies does not.
_POLICY_WORDS = _rx(
    r"\b(?:this\s+(?:web)?site|our\s+(?:web)?site|your\s+(?:consent|browser|"
    r"experience|device)|opt[\s-]out|you\s+(?:agree|consent|accept))\b"
)
_SITE_OR_WE, _USES_COOKIES = _rx(r"\b(?:this\s+(?:web)?site|we)\b"), _rx(r"\buses?\s+cookies\b")


def is_cookie_notice(line: str) -> bool:
    return bool(_CONTINUING.search(line)) or _in_order(
        line, (_COOKIES, _COOKIE_WORDS), (_PRIVACY, _AGREE)
    )


def is_cookie_policy(line: str) -> bool:
    return _in_order(line, (_COOKIES, _POLICY_WORDS), (_SITE_OR_WE, _USES_COOKIES))


# The furniture of comment threads: actions under each comment and thread headers.
_COMMENT_MARKER = re.compile(
    r"^\W*+(?:reply|report(?:\s+(?:comment|abuse))?|flag|like|upvote|downvote|"
    r"\d+\s+(?:likes?|points?|replies|repl(?:y|ies)|comments?|votes?)|"
    r"\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|"
    r"(?:view|show|load|see)\s+(?:all\s+|more\s+)?(?:\d+\s+)?(?:comments?|replies)|"
    r"comments?\s*+\(?\d*\)?|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|"
    r"you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\.?|"
    r"comments\s+are\s+(?:closed|subject\s+to\b.*+)|join\s+the\s+(?:conversation|discussion))\W*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\W*(?:©|\(c\)|copyright\b)|\ball\s+rights\s+reserved\b", re.IGNORECASE)
_NEWSLETTERS = _rx(r"\bnewsletters?\b")
_SIGN_UP = _rx(r"\b(?:sign\s*up|subscribe)\b")
_INBOX = _rx(r"\b(?:sign\s*up|subscribe|inbox|delivered|email)\b")


def is_newsletter(line: str) -> bool:
    return _in_order(line, (_NEWSLETTERS, _INBOX), (_SIGN_UP, _NEWSLETTERS))


# Captions' credit lines: "Photo: X", "(Image: © X)", "X | Getty Images", "Image copyright X".
# Every run is bounded and the closing `\W{0,TAIL}$` too (see `cap_tail`): an open `\W*$`
# rescans a long run of symbols from every start ("©" * n + "x" took seconds per KB).
_CREDIT = re.compile(
    r"(?:\b(?:credit|photo|image|picture|source|illustration|video)s?\s{0,3}:\s{0,3}[^.]{1,80}+"
    r"|\((?:image|photo|picture|credit)s?\s{0,3}:[^)]{0,200}+\)|getty\s+images|shutterstock|"
    r"\bap\s+photo\b|\((?:ap|afp|reuters|getty)\b[^)]{0,60}+\)|©[^.]{0,60}+|submitted\s+photo)"
    r"\W{0,100}+$"
    r"|^\W*+(?:image|photo|picture)\s+(?:caption|copyright|credit)\b"
    r"|^\W*+photo(?:graph)?\s+(?:by|illustration\s+by)\s+[A-Z]",
    re.IGNORECASE,
)
_TAIL = re.compile(r"\W*")
TAIL = 100


def cap_tail(line: str) -> str:
    r"""The line with its closing run of non-word characters cut to TAIL: what a pattern
    ending in `\W{0,TAIL}$` needs to see of it, whatever the run's length."""
    n = _TAIL.match(line[::-1]).end()
    return line if n <= TAIL else line[: len(line) - n + TAIL]


def is_credit(line: str) -> bool:
    """A caption or photo credit line."""
    return len(line.split()) <= 30 and bool(_CREDIT.search(cap_tail(line)))


# Pieces of an author box: a lone "By", an e-mail address, a social handle. (Bare links
# stay: stories list their sources that way.)
_AUTHOR_BOX = re.compile(
    r"^\W*+(?:by|biography|bio|authors?|written\s+by|[\w.+-]++@[\w-]++\.[\w.]++|@\w{2,})\W*$",
    re.IGNORECASE,
)


def is_furniture(line: str) -> bool:
    """Page furniture that is never part of a story, whatever the site."""
    words = line.split()
    if is_credit(line) or _AUTHOR_BOX.match(line):
        return True
    if _CALL_TO_ACTION.match(line) or _AD.search(line) or _COPYRIGHT.search(line):
        return True
    if len(words) <= 25 and (is_cookie_notice(line) or is_newsletter(line)):
        return True
    if _LINK_LEADS.match(line) or _COMMENT_MARKER.match(line):
        return True
    if is_cookie_policy(line):
        return True
    if _PHONE.search(line) and _CONTACT.search(line) and len(words) <= 25:
        return True
    socials = len(_SOCIAL.findall(line))
    return bool(
        socials and len(words) <= 12 and (_SHARE_FOLLOW.match(line) or socials * 2 >= len(words))
    )

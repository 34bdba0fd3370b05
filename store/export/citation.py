"""A quotation with its source, as a person pastes it into a message or a draft."""

from __future__ import annotations

from store.article import one_line
from store.library.records import StoredArticle


def is_web_address(url: str | None) -> bool:
    """Whether an article's source can be opened in a browser (not a file it was read from)."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


def citation(article: StoredArticle, words: str) -> str:
    """“The words.” — Title, Site, 2022-03-03, https://…

    Display-safe and on two lines, whatever the article's metadata holds."""
    quote = one_line(words).strip('“”"')
    published = article.published or ""
    if published[4:5] == "-":
        published = published[:10]  # a feed's ISO stamp as its day
    source = [one_line(article.title)]
    source += [one_line(x) for x in (article.site, published) if x]
    if is_web_address(article.url):
        source.append(one_line(article.url))
    return f"“{quote}”\n— {', '.join(source)}"

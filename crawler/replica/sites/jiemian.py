"""Replica of Jiemian: desktop and mobile channel lists, the English home, article pages."""

from __future__ import annotations

import re
from typing import Any

from crawler.replica.site import Page, ReplicaSite, esc, local_time, not_found, paragraphs

NAV = (
    '<div class="header-nav"><a href="https://www.jiemian.com/">首页</a>'
    '<a href="https://www.jiemian.com/lists/51.html">汽车</a>'
    '<a href="https://www.jiemian.com/lists/857.html">新能源</a>'
    '<a href="https://www.jiemian.com/lists/4.html">快报</a>'
    '<a href="https://www.jiemian.com/search?keyword=">搜索</a></div>'
)
AD = '<div class="ad-slot"><a href="https://ad.example.invalid/x">广告 限时优惠 立即试驾</a></div>'
FOOTER = '<div class="footer"><p>界面新闻 版权所有 未经授权不得转载</p></div>'


class Jiemian(ReplicaSite):
    source = "jiemian"
    hosts = ("www.jiemian.com", "m.jiemian.com", "en.jiemian.com")

    def __init__(self, slow_seconds: float) -> None:
        super().__init__(slow_seconds)
        # Pages that must not become articles, listed at the end of the auto channel.
        self.articles.extend(
            {
                "id": 13699990 + n,
                "channel": 51,
                "role": role,
                "title": f"{label} 页面测试",
                "dek": "",
                "author": "",
                "published": "2020-01-01 00:00",
                "body": [],
            }
            for n, (role, label) in enumerate((("empty", "空白"), ("huge", "超大")))
        )
        # One real article served with broken markup: it must still be stored whole.
        plain = [a for a in self.articles if a.get("edition") == "zh" and not a.get("role")]
        if plain:
            plain[-1]["role"] = "malformed"

    def channel(self, cid: int) -> list[dict[str, Any]]:
        return [
            a
            for a in self.articles
            if a.get("channel") == cid or (cid == 51 and a.get("role") == "two_urls")
        ]

    def english(self) -> list[dict[str, Any]]:
        return [a for a in self.articles if a.get("edition") == "en"]

    def handle(self, host: str, path: str, query: str) -> Page:
        if host == "en.jiemian.com" and path == "/":
            return self.english_home()
        if match := re.fullmatch(r"/lists/(\d+)\.html", path):
            return self.desktop_list(int(match.group(1)))
        if host == "m.jiemian.com" and (match := re.fullmatch(r"/lists/(\d+)_(\d+)\.html", path)):
            return self.mobile_list(int(match.group(1)), int(match.group(2)))
        if match := re.fullmatch(r"/article/(\d+)\.html", path):
            article = self.article_by_id(int(match.group(1)))
            if article and host == "en.jiemian.com" and article.get("edition") != "en":
                article = None
            key = f"/article/{match.group(1)}"
            render = self.render_english if host == "en.jiemian.com" else self.render_article
            return self.serve_article(key, article, render)
        if path == "/":
            return self.desktop_list(51)
        return not_found(path)

    def card(self, article: dict[str, Any], host: str) -> str:
        when = local_time(article["published"]).strftime("%m/%d %H:%M")
        return (
            f'<li class="news-view"><div class="news-header"><h3><a href="https://{host}/article/'
            f'{article["id"]}.html">{esc(article["title"])}</a></h3></div>'
            f'<p class="news-excerpt">{esc(article.get("dek", ""))}</p>'
            f'<div class="news-footer"><span class="news-footer__date">{when}</span></div></li>'
        )

    def desktop_list(self, cid: int) -> Page:
        items = self.channel(cid)
        if not items:
            return not_found(f"/lists/{cid}.html")
        cards = "".join(self.card(a, "www.jiemian.com") for a in self.pages_of(items, 1))
        hot = "".join(self.card(a, "www.jiemian.com") for a in self.articles[:2])
        body = (
            f'<html lang="zh-CN"><head><meta charset="utf-8"><title>汽车 | 界面新闻</title></head>'
            f'<body>{NAV}{AD}<div class="news-list"><ul id="load-list">{cards}</ul></div>'
            f'<div class="channel-load-more" data-cid="{cid}" data-tid="{cid + 100}" data-page="2"'
            f' data-tpl="full-card">加载更多</div>'
            f'<div class="hot-list"><h3>热门推荐</h3><ul>{hot}</ul></div>{FOOTER}</body></html>'
        )
        return Page(body=body)

    def mobile_list(self, cid: int, page: int) -> Page:
        items = self.channel(cid)
        pages = self.page_count(items)
        if not items or page > pages:
            return not_found(f"/lists/{cid}_{page}.html")
        cards = "".join(self.card(a, "m.jiemian.com") for a in self.pages_of(items, page))
        links = "".join(
            f'<a href="https://m.jiemian.com/lists/{cid}_{n}.html">{n}</a>'
            for n in range(1, pages + 1)
            if n != page
        )
        body = (
            f'<html lang="zh-CN"><head><meta charset="utf-8"><title>界面新闻</title></head>'
            f'<body><div class="app-banner">打开界面新闻客户端,看更多内容</div>'
            f'<div class="list-view"><ul>{cards}</ul></div><div class="pagination">{links}</div>'
            f"</body></html>"
        )
        return Page(body=body)

    def english_home(self) -> Page:
        items = "".join(
            f'<li><a href="https://en.jiemian.com/article/{a["id"]}.html">{esc(a["title"])}</a>'
            f'<span class="date">{a["published"][:10]}</span></li>'
            for a in self.english()
        )
        body = (
            '<html lang="en"><head><meta charset="utf-8"><title>Jiemian Global</title></head>'
            '<body><div class="nav"><a href="https://en.jiemian.com/">Home</a>'
            '<a href="https://en.jiemian.com/about">About</a></div>'
            f'<ul class="en-list">{items}</ul></body></html>'
        )
        return Page(body=body)

    def render_article(self, article: dict[str, Any]) -> Page:
        published = local_time(article["published"])
        caption = article.get("caption", "")
        image = (
            f'<div class="article-img"><img src="/img/{article["id"]}.jpg" alt=""><p>{esc(caption)}'
            "</p></div>"
            if caption
            else ""
        )
        english = article.get("edition") == "en"
        # English pieces under the Chinese template repeat the title and carry a "by" byline.
        repeat = f"<p>{esc(article['title'])}</p>" if english else ""
        byline = f"<p>by {esc(article['author'])}</p>" if english else ""
        body = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(article["title"])} | 界面新闻</title>
<link rel="canonical" href="https://www.jiemian.com/article/{article["id"]}.html"></head>
<body>{NAV}<div class="app-banner">打开界面新闻客户端,阅读全文</div>{AD}
<div class="article-view"><div class="article-header"><h1>{esc(article["title"])}</h1>
<p>{esc(article.get("dek", ""))}</p></div>
<div class="article-info"><p><span class="author">
<a href="/user/1.html">{esc(article["author"])}</a></span>
<span data-article-publish-time="{int(published.timestamp())}">
{published.strftime("%Y/%m/%d %H:%M")}</span> <span>来源：界面新闻</span></p></div>
{image}<div class="article-content">{repeat}{byline}{paragraphs(article["body"])}
<p>来源:界面新闻</p><p>广告等商务合作,由此联系我们</p><p>未经正式授权严禁转载,违者追责。</p>
<p class="report-view">举报</p></div></div>
<div class="comment-block"><h3>热门评论</h3><p>打开APP,读完所有评论,来写第一条好评</p>
<ul><li>这个数据真不错，期待明年。</li><li>Good numbers, but margins?</li></ul></div>
<div class="recommend-block"><h3>热门推荐</h3><ul>
{"".join(self.card(a, "www.jiemian.com") for a in self.articles[:3])}</ul></div>
<div class="app-banner"><p>下载界面APP 关注更多品牌专栏</p>
<p>只服务于独立思考、爱追问的读者</p></div>
{FOOTER}</body></html>"""
        return Page(body=body)

    def render_english(self, article: dict[str, Any]) -> Page:
        published = local_time(article["published"])
        body = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(article["title"])}-Jiemian Global</title>
<meta property="article:published_time" content="{published.isoformat()}">
<link rel="canonical" href="https://www.jiemian.com/article/{article["id"]}.html"></head>
<body><div class="nav"><a href="https://en.jiemian.com/">Home</a></div>
<div class="article-header"><h1>{esc(article["title"])}</h1>
<p>{esc(article.get("dek", ""))}</p></div><div class="article-byline">{esc(article["author"])}</div>
<div class="article-content">{paragraphs(article["body"])}</div>
<div class="share-view">Share: WeChat Weibo LinkedIn</div>
<div class="recommend-block"><h3>Read more</h3></div></body></html>"""
        return Page(body=body)

//! HTML pages: finds the article among the site chrome and turns it into passages.
//!
//! Published report pages carry much more than the report: menus, breadcrumbs,
//! cookie notices, "related links", footers with addresses, scripts. None of that may
//! reach the index (a search for "informasjonskapslar" must not find every page).
//! Chrome is recognised by what sites call it (tags like `nav`/`footer`, and class or
//! id names like `cookie-banner`, `breadcrumb`, `related`), and lists that are almost
//! only short links are dropped as menus wherever they sit. Photo captions are
//! content and are kept; image alt texts are not.

use ego_tree::NodeRef;
use jiff::civil::Date;
use scraper::{ElementRef, Html, Node};

use crate::report::{Passage, PassageKind};

/// What an HTML page yields before the report-level rules run.
#[derive(Debug, Default)]
pub struct Page {
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publish date from page metadata (`<meta>`, `<time datetime>`), when present.
    pub published_meta: Option<Date>,
    /// The article body.
    pub passages: Vec<Passage>,
    /// The visible lines of the page in order, chrome included, down to the first
    /// line the caller asked to stop at: the "Publisert" line and the year in a page
    /// header often sit outside the article, and nothing after the publish line is
    /// needed.
    pub page_lines: Vec<String>,
}

/// Deeper than this, an element's text is taken as a whole without looking at its
/// structure: a deliberately nested page must not exhaust the stack.
const MAX_DEPTH: usize = 200;

/// Tags whose content is never text of the report.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "form", "button", "select", "input", "textarea", "img", "picture", "video", "audio", "map",
    "head", "title", "meta", "link",
];

/// Tags that are site chrome when they are not part of the article itself.
const CHROME_TAGS: &[&str] = &["nav", "footer", "aside", "header", "menu", "dialog"];

/// Parts of class and id names that mark chrome (`cookie-banner` has `cookie`).
const CHROME_NAMES: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "breadcrumb",
    "breadcrumbs",
    "brodsmule",
    "brødsmule",
    "brodsmuler",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "meny",
    "megamenu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "some",
    "related",
    "relaterte",
    "relatert",
    "skip",
    "skiplink",
    "skiplinks",
    "search",
    "sok",
    "søk",
    "login",
    "masthead",
    "topbar",
    "toolbar",
    "newsletter",
    "nyhendebrev",
    "nyhetsbrev",
    "pagination",
    "widget",
    "advert",
    "ads",
    "promo",
    "banner",
    "sitemap",
    "nettstadkart",
    "bunn",
    "bunntekst",
    "botn",
    "toppmeny",
    "hovudmeny",
    "hovedmeny",
];

/// Elements that start a new passage.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "figure",
    "dd",
    "dt",
    "dl",
    "td",
    "th",
    "tr",
    "table",
    "pre",
    "address",
    "ul",
    "ol",
    "hr",
    "body",
    "center",
    "header",
    "caption",
    "summary",
    "details",
];

/// Reads a page. Its lines are read down to the first line for which `last_line` is
/// true (all of them when none is).
pub fn parse(html: &str, last_line: &dyn Fn(&str) -> bool) -> Page {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let landmarks = Landmarks::find(root);
    let (content, passages) = match content_root(&landmarks) {
        Some(ContentRoot::Article(article, passages)) => (article, passages),
        Some(ContentRoot::Element(element)) => (element, content_passages(element)),
        None => (root, content_passages(root)),
    };
    let mut page = Walker::new(false);
    page.last_line = Some(last_line);
    page.walk_children(*root, 0);

    Page {
        title: title(&landmarks, content, &passages),
        url: canonical_url(&landmarks),
        published_meta: published_meta(&landmarks),
        passages,
        page_lines: page
            .finish()
            .into_iter()
            .flat_map(|p| p.text.lines().map(str::to_string).collect::<Vec<_>>())
            .collect(),
    }
}

/// The elements the page-level rules look at, found in one walk of the tree. Asked
/// with a selector each, a dozen questions walked every page a dozen times.
struct Landmarks<'a> {
    articles: Vec<ElementRef<'a>>,
    /// The first `<main>` or `role=main`.
    main: Option<ElementRef<'a>>,
    body: Option<ElementRef<'a>>,
    headings: Vec<ElementRef<'a>>,
    title: Option<ElementRef<'a>>,
    metas: Vec<ElementRef<'a>>,
    canonical_links: Vec<ElementRef<'a>>,
    /// `<time>` elements with a `datetime`.
    times: Vec<ElementRef<'a>>,
}

impl<'a> Landmarks<'a> {
    fn find(root: ElementRef<'a>) -> Self {
        let mut found = Landmarks {
            articles: Vec::new(),
            main: None,
            body: None,
            headings: Vec::new(),
            title: None,
            metas: Vec::new(),
            canonical_links: Vec::new(),
            times: Vec::new(),
        };
        for element in root.descendent_elements() {
            let value = element.value();
            match value.name() {
                "article" => found.articles.push(element),
                "body" => {
                    found.body.get_or_insert(element);
                }
                "h1" => found.headings.push(element),
                "title" => {
                    found.title.get_or_insert(element);
                }
                "meta" => found.metas.push(element),
                // Link types are case-insensitive in HTML.
                "link"
                    if value
                        .attr("rel")
                        .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) =>
                {
                    found.canonical_links.push(element)
                }
                "time" if value.attr("datetime").is_some() => found.times.push(element),
                _ => {}
            }
            if found.main.is_none()
                && (value.name() == "main" || value.attr("role") == Some("main"))
            {
                found.main = Some(element);
            }
        }
        found
    }

    /// The first non-empty `content` of a `<meta>` whose `attribute` is `value`.
    fn meta(&self, attribute: &str, value: &str) -> Option<String> {
        self.metas
            .iter()
            .filter(|m| m.value().attr(attribute) == Some(value))
            .filter_map(|m| m.value().attr("content"))
            .map(collapse_whitespace)
            .find(|c| !c.is_empty())
    }
}

/// Where the report is, and its passages when finding it already read them.
enum ContentRoot<'a> {
    Article(ElementRef<'a>, Vec<Passage>),
    Element(ElementRef<'a>),
}

/// The element that holds the report: the `<article>` with most text, else `<main>`
/// or `role=main`, else the body. Articles are weighed by their passages, which are
/// kept for the one chosen rather than read twice.
fn content_root<'a>(landmarks: &Landmarks<'a>) -> Option<ContentRoot<'a>> {
    let article = landmarks
        .articles
        .iter()
        .map(|&a| {
            let passages = content_passages(a);
            (
                passages.iter().map(|p| p.text.len()).sum::<usize>(),
                a,
                passages,
            )
        })
        .filter(|(len, ..)| *len >= 200)
        .max_by_key(|(len, ..)| *len)
        .map(|(_, a, passages)| ContentRoot::Article(a, passages));
    article
        .or_else(|| landmarks.main.map(ContentRoot::Element))
        .or_else(|| {
            landmarks
                .body
                .map(|body| ContentRoot::Element(densest_block(body)))
        })
}

/// Pages without `<article>` or `<main>` (old table layouts) put the report in one
/// cell among header, menu and footer cells: descend while one child holds most of
/// the text.
fn densest_block(body: ElementRef<'_>) -> ElementRef<'_> {
    let text_len = |e: ElementRef<'_>| -> usize { e.text().map(|t| t.trim().len()).sum() };
    let mut current = body;
    // Only through layout containers: inside one cell, a `<font>` wrapping most of
    // the text must not cut off the headline above it.
    for _ in 0..MAX_DEPTH {
        let total = text_len(current);
        let dominant = current
            .child_elements()
            .filter(|c| {
                matches!(
                    c.value().name(),
                    "table" | "tbody" | "tr" | "td" | "div" | "section" | "center"
                )
            })
            .find(|c| text_len(*c) * 10 >= total * 7);
        match dominant {
            Some(child) if total > 0 => current = child,
            _ => break,
        }
    }
    current
}

/// The passages of an element's visible text, page chrome left out.
fn content_passages(element: ElementRef<'_>) -> Vec<Passage> {
    let mut walker = Walker::new(true);
    walker.walk_children(*element, 0);
    walker.finish()
}

/// The report's title: its `<h1>`; else the visible headline that the page's
/// `<title>` summarises (old pages style headlines with `<font>` and `<b>`); else the
/// longest part of `<title>` (the rest is the site name).
fn title(
    landmarks: &Landmarks<'_>,
    content: ElementRef<'_>,
    passages: &[Passage],
) -> Option<String> {
    let in_content = |h: &&ElementRef<'_>| h.ancestors().any(|a| a.id() == content.id());
    let heading = landmarks
        .headings
        .iter()
        .find(in_content)
        .or_else(|| landmarks.headings.first())
        .map(|h| collapse_whitespace(&h.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    if heading.is_some() {
        return heading;
    }
    let page_title = landmarks.meta("property", "og:title").or_else(|| {
        let title = landmarks.title?;
        let text = collapse_whitespace(&title.text().collect::<String>());
        let parts = text.replace('\u{a0}', " ");
        let longest = [" | ", " - ", " – ", " — "]
            .iter()
            .filter(|sep| parts.contains(**sep))
            .flat_map(|sep| parts.split(sep).map(str::trim).collect::<Vec<_>>())
            .max_by_key(|p| p.len())
            .map(str::to_string)
            .unwrap_or(parts);
        Some(longest).filter(|t| !t.is_empty())
    })?;
    let headline = passages
        .iter()
        .flat_map(|p| p.text.lines())
        .take(10)
        .filter(|line| {
            line.len() < 160 && !line.ends_with('.') && line.split_whitespace().count() >= 3
        })
        .map(|line| (shared_words(line, &page_title), line))
        .filter(|(shared, _)| *shared >= 2)
        .max_by_key(|(shared, _)| *shared)
        .map(|(_, line)| line.to_string());
    Some(headline.unwrap_or(page_title))
}

/// Words two lines share, compared on their first five letters so that inflected
/// forms count ("legevakt", "legevakta").
fn shared_words(a: &str, b: &str) -> usize {
    let stems = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(|w| w.to_lowercase().chars().take(5).collect())
            .collect()
    };
    let b = stems(b);
    let mut a = stems(a);
    a.sort();
    a.dedup();
    a.iter().filter(|w| b.contains(w)).count()
}

fn canonical_url(landmarks: &Landmarks<'_>) -> Option<String> {
    landmarks
        .canonical_links
        .iter()
        .filter_map(|l| l.value().attr("href"))
        .map(str::trim)
        .find(|h| !h.is_empty())
        .map(str::to_string)
        .or_else(|| landmarks.meta("property", "og:url"))
}

/// Publish date from metadata: `article:published_time` and friends, then the first
/// `<time datetime>` that is not an "updated" stamp.
fn published_meta(landmarks: &Landmarks<'_>) -> Option<Date> {
    let meta = [
        ("property", "article:published_time"),
        ("name", "article:published_time"),
        ("name", "dcterms.date"),
        ("name", "DC.date"),
        ("name", "date"),
        ("itemprop", "datePublished"),
    ];
    for (attribute, value) in meta {
        if let Some(date) = landmarks
            .meta(attribute, value)
            .as_deref()
            .and_then(iso_prefix)
        {
            return Some(date);
        }
    }
    landmarks.times.iter().find_map(|time| {
        let around = time
            .parent()
            .and_then(ElementRef::wrap)
            .map(|p| p.text().collect::<String>().to_lowercase())
            .unwrap_or_default();
        let itemprop = time.value().attr("itemprop").unwrap_or_default();
        let updated = itemprop.contains("Modified")
            || ["oppdatert", "endra", "endret", "updated"]
                .iter()
                .any(|w| around.contains(w) && !around.contains("publiser"));
        if updated {
            return None;
        }
        time.value().attr("datetime").and_then(iso_prefix)
    })
}

/// The date at the start of an ISO 8601 date or timestamp.
fn iso_prefix(value: &str) -> Option<Date> {
    value.trim().get(..10)?.parse().ok()
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_words(&mut out, text);
    out
}

/// Appends the words of `text` to `out`, one space between them, as
/// `split_whitespace` would split them. Called for every text node and every line of
/// every page, so it scans bytes and copies whole words rather than decoding chars.
fn push_words(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut first = true;
    loop {
        while i < bytes.len() {
            match whitespace_len(bytes, i) {
                0 => break,
                len => i += len,
            }
        }
        if i == bytes.len() {
            return;
        }
        let start = i;
        while i < bytes.len() && whitespace_len(bytes, i) == 0 {
            i += 1;
        }
        if !first {
            out.push(' ');
        }
        out.push_str(&text[start..i]);
        first = false;
    }
}

/// The bytes a white space character can start with: ASCII controls and space, and
/// the lead bytes of the others.
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x09;
    while b <= 0x0D {
        table[b] = true;
        b += 1;
    }
    table[0x20] = true;
    table[0xC2] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

/// The length in bytes of the white space character (`char::is_whitespace`) that
/// starts at `bytes[i]`, or 0. Continuation bytes never match a lead byte below, so
/// the caller may step one byte at a time.
fn whitespace_len(bytes: &[u8], i: usize) -> usize {
    // Most bytes are passed by one table lookup.
    if !MAY_START_SPACE[usize::from(bytes[i])] {
        return 0;
    }
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b'\t'..=b'\r' | b' ' => 1,
        // U+0085, U+00A0
        0xC2 if matches!(next(1), 0x85 | 0xA0) => 2,
        // U+1680
        0xE1 if next(1) == 0x9A && next(2) == 0x80 => 3,
        // U+2000..=U+200A, U+2028, U+2029, U+202F, U+205F
        0xE2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if next(1) == 0x81 && next(2) == 0x9F => 3,
        // U+3000
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

/// Turns a tree into passages, one per block element.
struct Walker<'a> {
    content_only: bool,
    /// Stops the walk after the passage with a line this accepts.
    last_line: Option<&'a dyn Fn(&str) -> bool>,
    done: bool,
    passages: Vec<Passage>,
    buffer: String,
    kinds: Vec<PassageKind>,
    /// Depth of list items around the walk, and the section of the outermost one.
    list_depth: usize,
    section: Option<u32>,
    sections: u32,
}

impl<'a> Walker<'a> {
    fn new(content_only: bool) -> Self {
        Walker {
            content_only,
            last_line: None,
            done: false,
            passages: Vec::new(),
            buffer: String::new(),
            kinds: vec![PassageKind::Paragraph],
            list_depth: 0,
            section: None,
            sections: 0,
        }
    }

    fn walk_children(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        for child in node.children() {
            if self.done {
                return;
            }
            self.walk(child, depth + 1);
        }
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        match node.value() {
            Node::Text(text) => {
                push_inline(&mut self.buffer, text);
            }
            Node::Element(element) => {
                let name = element.name();
                if NEVER_TEXT.contains(&name) {
                    return;
                }
                if name == "br" {
                    self.buffer.push('\n');
                    return;
                }
                if self.content_only && is_chrome(node) {
                    return;
                }
                if depth > MAX_DEPTH {
                    if let Some(element) = ElementRef::wrap(node) {
                        for text in element.text() {
                            push_inline(&mut self.buffer, text);
                        }
                    }
                    return;
                }
                if !BLOCK_TAGS.contains(&name) {
                    self.walk_children(node, depth);
                    return;
                }
                self.flush();
                let kind = self.block_kind(name);
                let item = name == "li";
                if item {
                    if self.list_depth == 0 {
                        self.sections += 1;
                        self.section = Some(self.sections);
                    }
                    self.list_depth += 1;
                }
                self.kinds.push(kind);
                self.walk_children(node, depth);
                self.flush();
                self.kinds.pop();
                if item {
                    self.list_depth -= 1;
                    if self.list_depth == 0 {
                        self.section = None;
                    }
                }
            }
            _ => {}
        }
    }

    /// A block's passage kind; paragraphs inside a list item or caption stay part of it.
    fn block_kind(&self, name: &str) -> PassageKind {
        let inherited = self.kinds.last().copied().unwrap_or(PassageKind::Paragraph);
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => PassageKind::Heading,
            "li" | "dd" | "dt" => PassageKind::ListItem,
            "figcaption" | "caption" => PassageKind::Caption,
            _ if matches!(inherited, PassageKind::ListItem | PassageKind::Caption) => inherited,
            _ => PassageKind::Paragraph,
        }
    }

    /// Ends the current block. `<br><br>` inside one block separates paragraphs, as
    /// on old pages that have no `<p>`.
    fn flush(&mut self) {
        // Every block flushes as it opens and closes: most find nothing to write.
        if self.buffer.trim_start().is_empty() {
            self.buffer.clear();
            return;
        }
        let kind = self.kinds.last().copied().unwrap_or(PassageKind::Paragraph);
        for paragraph in split_paragraphs(&self.buffer) {
            let text = clean_block(paragraph);
            if !text.is_empty() && !is_breadcrumb(&text) {
                let last = self
                    .last_line
                    .is_some_and(|last_line| text.lines().any(last_line));
                self.passages.push(Passage {
                    kind,
                    text,
                    section: self.section,
                    marker: None,
                });
                if last {
                    self.done = true;
                    break;
                }
            }
        }
        self.buffer.clear();
    }

    fn finish(mut self) -> Vec<Passage> {
        self.flush();
        self.passages
    }
}

/// Appends a text node with its whitespace collapsed, keeping one space between words
/// of neighbouring inline elements.
fn push_inline(buffer: &mut String, text: &str) {
    let starts_space = text.starts_with(char::is_whitespace);
    let ends_space = text.ends_with(char::is_whitespace);
    if text.trim_start().is_empty() {
        if (starts_space || ends_space) && !buffer.ends_with([' ', '\n']) && !buffer.is_empty() {
            buffer.push(' ');
        }
        return;
    }
    if starts_space && !buffer.ends_with([' ', '\n']) && !buffer.is_empty() {
        buffer.push(' ');
    }
    push_words(buffer, text);
    if ends_space {
        buffer.push(' ');
    }
}

/// Splits at blank lines (two line breaks with only spaces between).
fn split_paragraphs(buffer: &str) -> Vec<&str> {
    // Most blocks hold no `<br>` at all.
    if !buffer.contains('\n') {
        return vec![buffer];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    let mut last_break: Option<usize> = None;
    for (i, c) in buffer.char_indices() {
        match c {
            '\n' => {
                if let Some(prev) = last_break
                    && buffer[prev + 1..i].trim().is_empty()
                {
                    parts.push(&buffer[start..prev]);
                    start = i + 1;
                }
                last_break = Some(i);
            }
            c if !c.is_whitespace() => last_break = None,
            _ => {}
        }
    }
    parts.push(&buffer[start..]);
    parts
}

/// "Du er her: Framsida > Politikk": a breadcrumb written as text.
fn is_breadcrumb(text: &str) -> bool {
    // The phrases are ASCII, and no other letter lowercases to their letters.
    ["du er her", "du er no her", "her er du"].iter().any(|p| {
        text.as_bytes()
            .get(..p.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// Trims every line of a block and drops empty ones; `<br>` breaks are kept as `\n`.
fn clean_block(buffer: &str) -> String {
    // No-break spaces are white space to `split_whitespace` too.
    let mut out = String::with_capacity(buffer.len());
    for line in buffer.split('\n') {
        if line.trim().is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        push_words(&mut out, line);
    }
    out
}

/// Chrome: a chrome tag outside any article, an element whose class or id names it
/// chrome (unless it wraps the article itself), or a list of short links (a menu).
fn is_chrome(node: NodeRef<'_, Node>) -> bool {
    let Some(element) = ElementRef::wrap(node) else {
        return false;
    };
    let name = element.value().name();
    let wraps_article = || {
        element
            .descendent_elements()
            .any(|d| matches!(d.value().name(), "article" | "main" | "h1"))
    };
    if CHROME_TAGS.contains(&name) {
        let inside_article = element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "article");
        let article_header = name == "header" && inside_article;
        if !article_header && !wraps_article() {
            return true;
        }
    }
    let named_chrome = element
        .value()
        .attr("class")
        .into_iter()
        .chain(element.value().attr("id"))
        .chain(element.value().attr("role"))
        .flat_map(|names| names.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(is_chrome_name);
    if named_chrome && !wraps_article() {
        return true;
    }
    matches!(name, "ul" | "ol" | "table") && is_link_list(element)
}

/// Whether one word of a class, id or role names page chrome ("nav", "Footer").
/// Every element of every page is asked, so ASCII words are compared in place.
fn is_chrome_name(part: &str) -> bool {
    let named = |part: &str| {
        CHROME_NAMES
            .iter()
            .chain(&["navigation", "contentinfo"])
            .any(|name| name.eq_ignore_ascii_case(part))
    };
    if part.is_ascii() {
        named(part)
    } else {
        named(&part.to_lowercase())
    }
}

/// A list whose text is nearly all link text in short items: a menu, not an agenda.
fn is_link_list(list: ElementRef<'_>) -> bool {
    let total: usize = list.text().map(|t| t.trim().chars().count()).sum();
    if total == 0 {
        return false;
    }
    let linked: usize = list
        .descendent_elements()
        .filter(|e| e.value().name() == "a")
        .flat_map(|a| a.text())
        .map(|t| t.trim().chars().count())
        .sum();
    let items = list
        .child_elements()
        .filter(|c| matches!(c.value().name(), "li" | "tr" | "tbody"))
        .count()
        .max(1);
    let words = list.text().flat_map(str::split_whitespace).count();
    linked * 10 >= total * 8 && words <= items * 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_at_every_kind_of_white_space() {
        let alphabet = [
            "a", "æ", "–", "’", " ", "\n", "\t", "\u{b}", "\u{85}", "\u{a0}", "\u{1680}",
            "\u{2009}", "\u{200b}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        // Every text of up to three of them, each once.
        let mut texts = vec![String::new()];
        let mut layer = texts.clone();
        for _ in 0..3 {
            layer = layer
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(layer.iter().cloned());
        }
        for text in &texts {
            let mut out = String::from("x");
            push_words(&mut out, text);
            let expected = format!("x{}", text.split_whitespace().collect::<Vec<_>>().join(" "));
            assert_eq!(out, expected, "{text:?}");
        }
    }

    fn parse_all(html: &str) -> Page {
        parse(html, &|_| false)
    }

    const PAGE: &str = r#"<!doctype html><html><head><title>Møte i rådet - Kommunen</title>
<link rel="canonical" href="https://example.no/mote"><script>var x = "skriptord";</script>
<style>.a{color:red}</style></head><body>
<div id="cookie-banner"><p>Vi brukar informasjonskapslar.</p></div>
<header class="site"><a href="/">Logo</a><nav><ul><li><a href="/a">Behandlingar</a></li><li><a href="/b">Om oss</a></li></ul></nav></header>
<ol class="breadcrumbs"><li><a href="/">Heim</a></li><li>Nyhende</li></ol>
<main><article><h1>Møte i rådet</h1><p class="published">Publisert 16.05.2023</p>
<p>Den 10. mai 2023 møttest rådet <b>i</b> Molde.</p>
<figure><img alt="Menn som sitter ved et bord" src="x.jpg"><figcaption>Kari Nordal, leiar</figcaption></figure>
<ul><li>Første sak<ul><li>Underpunkt</li></ul></li><li>Andre sak</li></ul>
<aside class="related"><h2>Relaterte lenker</h2><a href="/x">Les meir</a></aside>
</article></main>
<footer><p>Sentralbord 70 10 50 00</p></footer></body></html>"#;

    #[test]
    fn keeps_the_article_and_drops_the_chrome() {
        let page = parse_all(PAGE);
        let text: Vec<&str> = page.passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            text,
            [
                "Møte i rådet",
                "Publisert 16.05.2023",
                "Den 10. mai 2023 møttest rådet i Molde.",
                "Kari Nordal, leiar",
                "Første sak",
                "Underpunkt",
                "Andre sak"
            ]
        );
        assert_eq!(page.passages[3].kind, PassageKind::Caption);
        assert_eq!(page.passages[4].kind, PassageKind::ListItem);
        assert_eq!(page.title.as_deref(), Some("Møte i rådet"));
        assert_eq!(page.url.as_deref(), Some("https://example.no/mote"));
    }

    #[test]
    fn page_lines_include_chrome_but_never_scripts() {
        let page = parse_all(PAGE);
        assert!(page.page_lines.iter().any(|l| l.contains("Sentralbord")));
        assert!(
            !page
                .page_lines
                .iter()
                .any(|l| l.contains("skriptord") || l.contains("color"))
        );
    }

    #[test]
    fn page_lines_stop_at_the_line_asked_for_but_the_article_is_whole() {
        let page = parse(PAGE, &|line| line.starts_with("Publisert"));
        assert_eq!(
            page.page_lines,
            [
                "Vi brukar informasjonskapslar.",
                "Logo",
                "Behandlingar",
                "Om oss",
                "Heim",
                "Nyhende",
                "Møte i rådet",
                "Publisert 16.05.2023"
            ]
        );
        assert_eq!(page.passages.len(), 7);
        assert_eq!(page.passages[6].text, "Andre sak");
    }
    #[test]
    fn table_layout_menus_are_dropped_but_agendas_kept() {
        let html = r#"<html><body><table><tr><td class="left"><ul>
<li><a href="/1">Politikk</a></li><li><a href="/2">Tenester</a></li><li><a href="/3">Kontakt</a></li></ul></td>
<td><font size=2><b>Kommunestyret</b><br>Møtet vart halde i Ørsta.<br>Ordføraren leia møtet.</font>
<ol><li><a href="/s1">Sak 12/24 Budsjett for 2025 og økonomiplan</a></li><li><a href="/s2">Sak 13/24 Rullering av kommuneplanen sin arealdel</a></li></ol></td></tr></table></body></html>"#;
        let page = parse_all(html);
        let text: Vec<&str> = page.passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            text,
            [
                "Kommunestyret\nMøtet vart halde i Ørsta.\nOrdføraren leia møtet.",
                "Sak 12/24 Budsjett for 2025 og økonomiplan",
                "Sak 13/24 Rullering av kommuneplanen sin arealdel"
            ]
        );
    }

    #[test]
    fn time_element_gives_the_publish_date_but_not_an_update_stamp() {
        let html = r#"<html><body><article><p>Sist oppdatert <time datetime="2024-03-20">20. mars</time></p>
<p><time datetime="2024-03-14T09:30:00+01:00">14. mars 2024</time></p><p>Tekst</p></article></body></html>"#;
        assert_eq!(
            parse_all(html).published_meta,
            Some(jiff::civil::date(2024, 3, 14))
        );
    }

    #[test]
    fn metadata_is_read_in_order_of_trust() {
        let html = r#"<html><head><title>Eldrerådet - Volda kommune</title>
<meta property="og:url" content="https://example.no/og">
<meta name="date" content="2021-03-04">
<meta property="article:published_time" content="  ">
<meta name="dcterms.date" content="2022-05-06T10:00:00Z"></head>
<body><h1>Volda kommune</h1><div role="main"><h1>Møte i eldrerådet</h1>
<p>Eldrerådet hadde møte i Volda og drøfta tenestene for eldre i kommunen.</p>
<p><time datetime="2020-01-01">1. januar</time></p></div></body></html>"#;
        let page = parse_all(html);
        // The headline inside the content beats an earlier one in the page header.
        assert_eq!(page.title.as_deref(), Some("Møte i eldrerådet"));
        assert_eq!(page.url.as_deref(), Some("https://example.no/og"));
        // An empty article:published_time is passed over; Dublin Core comes before
        // a bare "date" and before `<time>`.
        assert_eq!(page.published_meta, Some(jiff::civil::date(2022, 5, 6)));

        let canonical = r#"<html><head><link rel="Canonical" href=" https://example.no/kanonisk ">
<meta property="og:url" content="https://example.no/og"><meta property="og:title" content="Frå og:title"></head>
<body><p>Eldrerådet hadde møte i Volda og drøfta tenestene for eldre.</p></body></html>"#;
        let page = parse_all(canonical);
        assert_eq!(page.url.as_deref(), Some("https://example.no/kanonisk"));
        assert_eq!(page.title.as_deref(), Some("Frå og:title"));
    }

    #[test]
    fn title_falls_back_to_the_title_element_without_site_name() {
        let html = "<html><head><title>Kommunestyremøte 13. juni | Ørsta kommune</title></head><body><p>Tekst her.</p></body></html>";
        assert_eq!(
            parse_all(html).title.as_deref(),
            Some("Kommunestyremøte 13. juni")
        );
    }

    #[test]
    fn deeply_nested_pages_do_not_exhaust_the_stack() {
        let depth = 5000;
        let html = format!(
            "{}<p>djupt</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let page = parse_all(&html);
        assert!(page.passages.iter().any(|p| p.text.contains("djupt")));
    }

    #[test]
    fn old_pages_split_paragraphs_at_double_breaks_and_find_the_headline() {
        let html = "<html><head><title>Ørsta kommune - Kommunestyret 13. juni: Sjukeheimen og legevakta</title></head><body><table><tr><td>\n<font size=1>Du er her: <a href='/'>Framsida</a> &gt; Møtebok 2019</font>\n<br><br>\n<font size=2><b>Møtebok 2019</b></font>\n<br>\n<font size=4><b>Kommunestyret gjorde vedtak om sjukeheimen og felles legevakt med Volda</b></font>\n<br>\nPublisert: 17.06.2019<br><br>\nKommunestyret i Ørsta hadde møte torsdag 13. juni.<br><br>Andre avsnitt.</td></tr></table></body></html>";
        let page = parse_all(html);
        let text: Vec<&str> = page.passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            text,
            [
                "Møtebok 2019\nKommunestyret gjorde vedtak om sjukeheimen og felles legevakt med Volda\nPublisert: 17.06.2019",
                "Kommunestyret i Ørsta hadde møte torsdag 13. juni.",
                "Andre avsnitt."
            ]
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Kommunestyret gjorde vedtak om sjukeheimen og felles legevakt med Volda")
        );
    }
}

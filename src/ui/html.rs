//! HTML text for the read-only parts of a screen: the report's figures, tables, charts and
//! open answers, set on one element with `inner_html`.
//!
//! Why text and not `view!`: each distinct `view!` shape becomes its own generic build, mount
//! and drop code in the wasm, and the report is dozens of shapes that never change once drawn
//! (the report screen alone was ~85 KB of the gzip budget). Written as text, every table is the
//! same few non-generic calls. Controls (buttons, selects) stay Leptos views, so they keep their
//! handlers and keyboard focus across updates.
//!
//! Safe by construction: element and attribute names are `&'static str`, so they are never data;
//! every text and attribute value goes through [`escape`]. An open answer from an imported file
//! is therefore always text, never markup (and the Content-Security-Policy would refuse any
//! script besides).

/// An HTML fragment being written. Each method appends and returns `self`, so a table reads
/// top to bottom:
///
/// ```
/// use samenscan::ui::html::Html;
/// let mut h = Html::new();
/// h.open("p", &[("class", "hint")]).text("5 < 10 & \"so\"").close("p");
/// assert_eq!(h.finish(), r#"<p class="hint">5 &lt; 10 &amp; &quot;so&quot;</p>"#);
/// ```
#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    /// An empty fragment.
    pub fn new() -> Self {
        Self::default()
    }

    /// `<tag name="value" …>`, each value escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// `<tag …>text</tag>`: an element holding only text.
    pub fn leaf(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// [`Html::leaf`] for a questionnaire's text shown in another language than the screen's
    /// (a label that has only Dutch, on the English screen): marked with that language's `lang`
    /// (WCAG 3.1.2), as the form marks it. `lang` is [`crate::ui::i18n::lang_attr`]'s answer.
    pub fn leaf_lang(
        &mut self,
        tag: &'static str,
        text: &str,
        lang: Option<&'static str>,
    ) -> &mut Self {
        self.leaf(tag, lang.map(|code| ("lang", code)).as_slice(), text)
    }

    /// The fragment's text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references: safe both as
/// element content and inside a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

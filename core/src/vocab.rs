//! The names of the structure features, each with an integer id.
//!
//! The weights file ties a weight to a feature by name; the engine adds up
//! weights by id. Every name the features can take is registered here once,
//! with the labels Python's binners print (`nw>=12`, `stop<0.05`, `s>=-0.75`).

use std::collections::HashMap;
use std::sync::LazyLock;

/// Cuts a quantity into bins: `bisect_right` on the edges, as Python does.
pub struct Binner {
    edges: Vec<f64>,
    ids: Vec<u32>,
}

impl Binner {
    #[inline]
    pub fn id(&self, value: f64) -> u32 {
        self.ids[self.edges.partition_point(|&e| e <= value)]
    }
}

/// Words that name page chrome, by cue, in the order the features list them.
pub const CUES: [(&str, &[&str]); 7] = [
    ("cookie", &["cookie", "cookies", "consent", "gdpr", "tracking"]),
    ("legal", &["copyright", "rights", "reserved", "privacy", "terms", "policy", "disclaimer", "imprint", "impressum"]),
    ("account", &["login", "log", "sign", "signin", "subscribe", "subscription", "register", "account", "newsletter", "password", "email"]),
    ("share", &["share", "tweet", "facebook", "twitter", "linkedin", "pinterest", "whatsapp", "instagram", "youtube", "reddit", "telegram", "email", "print", "copy", "link"]),
    ("related", &["related", "recommended", "popular", "trending", "latest", "more", "read", "also", "next", "previous", "prev", "see", "similar", "top", "stories", "articles", "posts", "most"]),
    ("ad", &["advertisement", "advertising", "sponsored", "ad", "ads", "promoted", "partner", "affiliate", "commission"]),
    ("nav", &["home", "menu", "search", "skip", "navigation", "contact", "about", "us", "back", "top", "close", "open", "toggle", "main", "content", "sitemap", "categories", "tags", "archives", "faq", "help"]),
];

/// Chrome symbols, each one character (a line is scanned once for all of them).
pub const SYMBOLS: [char; 10] = ['|', '»', '›', '•', '·', '/', '©', '>', '→', '←'];

/// Own features whose piece-of-a-flattened-line twin (`flat_` + name) exists.
const FLAT_CROSSED: [&str; 6] = ["nw", "sents", "end_", "breaks", "date_in_long", "prose"];

const SCORE_EDGES: [&str; 9] = ["-4.0", "-2.5", "-1.5", "-0.75", "0.0", "0.75", "1.5", "2.5", "4.0"];
const MASS_EDGES: [&str; 7] = ["0.001", "0.05", "0.2", "0.5", "0.8", "0.95", "0.999"];
const DIST: [&str; 6] = ["1", "2", "4", "8", "16", "40"];

pub struct Vocab {
    pub names: Vec<String>,
    pub index: HashMap<String, u32>,
    // a line's own features
    pub nwords: Binner,
    pub stop: Binner,
    pub caps: Binner,
    pub digit: Binner,
    pub links: Binner,
    pub sents: Binner,
    pub meanlen: Binner,
    pub glued: Binner,
    pub breaks: Binner,
    pub nowords: u32,
    pub starts_lower: u32,
    pub end_stop: u32,
    pub end_quote: u32,
    pub end_close: u32,
    pub end_colon: u32,
    pub end_comma: u32,
    pub end_other: u32,
    pub list: u32,
    pub md_heading: u32,
    pub links3: u32,
    pub image: u32,
    pub markup_only: u32,
    pub symbols: Vec<u32>,
    pub cue_short: Vec<u32>,
    pub cue_long: Vec<u32>,
    pub copyright: u32,
    pub date: u32,
    pub date_in_long: u32,
    pub ago: u32,
    pub tiny: u32,
    pub prose: u32,
    pub long_stop: u32,
    // its place in the page and its block
    pub pos: Binner,
    pub flat: u32,
    /// `flat_` + the feature's name, for the features that have one.
    pub flat_of: Vec<Option<u32>>,
    pub single_line_block: u32,
    pub block_first: u32,
    pub block_last: u32,
    pub block_mid: u32,
    pub repeat: Binner,
    pub repeat_long: u32,
    pub prefix: Binner,
    pub blines: Binner,
    pub bwords: Binner,
    pub bshort: Binner,
    pub block_listy: u32,
    pub block_has_prose: u32,
    // context
    /// s, p1, n1, p3, n3, p10, n10, blk
    pub score: Vec<Binner>,
    /// p1, n1, p3, n3, p10, n10 (index 1.. of `score`) when the window is empty
    pub none: Vec<u32>,
    pub mass_before: Binner,
    pub mass_after: Binner,
    pub before: Binner,
    pub after: Binner,
    pub in_region: u32,
    pub share: Binner,
    pub topic: Binner,
    pub topic_na: u32,
    pub after_related3: u32,
    pub after_related15: u32,
    pub related_head: u32,
    pub code: u32,
}

struct Builder {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Builder {
    fn name(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.index.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), id);
        id
    }

    /// Python's `_binner(edges, name)`: `name<e0`, `name>=e0`, `name>=e1` ...
    fn bins(&mut self, name: &str, edges: &[&str]) -> Binner {
        let mut ids = vec![self.name(&format!("{name}<{}", edges[0]))];
        ids.extend(edges.iter().map(|e| self.name(&format!("{name}>={e}"))));
        Binner { edges: edges.iter().map(|e| e.parse().unwrap()).collect(), ids }
    }
}

pub static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut b = Builder { names: Vec::new(), index: HashMap::new() };
    let nwords = b.bins("nw", &["1", "2", "3", "4", "5", "7", "9", "12", "16", "22", "30", "45", "70", "120"]);
    let stop = b.bins("stop", &["0.05", "0.15", "0.25", "0.35", "0.45", "0.6"]);
    let caps = b.bins("caps", &["0.2", "0.4", "0.6", "0.8", "0.95"]);
    let digit = b.bins("digit", &["0.05", "0.15", "0.3", "0.5"]);
    let links = b.bins("link", &["0.05", "0.3", "0.6", "0.9"]);
    let sents = b.bins("sents", &["1", "2", "3", "5"]);
    let meanlen = b.bins("wlen", &["3.0", "4.0", "5.0", "6.0", "7.5", "10.0"]);
    let glued = b.bins("glued", &["0.1", "0.3"]);
    let breaks = b.bins("breaks", &["0.02", "0.05", "0.1"]);
    let symbols = SYMBOLS.iter().map(|s| b.name(&format!("sym{s}"))).collect();
    let cue_short = CUES.iter().map(|(c, _)| b.name(&format!("cue_short_{c}"))).collect();
    let cue_long = CUES.iter().map(|(c, _)| b.name(&format!("cue_long_{c}"))).collect();
    let mut v = Vocab {
        nowords: b.name("nowords"),
        starts_lower: b.name("starts_lower"),
        end_stop: b.name("end_stop"),
        end_quote: b.name("end_quote"),
        end_close: b.name("end_close"),
        end_colon: b.name("end_colon"),
        end_comma: b.name("end_comma"),
        end_other: b.name("end_other"),
        list: b.name("list"),
        md_heading: b.name("md_heading"),
        links3: b.name("links>=3"),
        image: b.name("image"),
        markup_only: b.name("markup_only"),
        copyright: b.name("copyright"),
        date: b.name("date"),
        date_in_long: b.name("date_in_long"),
        ago: b.name("ago"),
        tiny: b.name("tiny"),
        prose: b.name("prose"),
        long_stop: b.name("long_stop"),
        pos: b.bins("pos", &["0.05", "0.1", "0.2", "0.35", "0.5", "0.65", "0.8", "0.9", "0.95"]),
        flat: b.name("flat"),
        flat_of: Vec::new(),
        single_line_block: b.name("single_line_block"),
        block_first: b.name("block_first"),
        block_last: b.name("block_last"),
        block_mid: b.name("block_mid"),
        repeat: b.bins("rep", &["2", "3", "5"]),
        repeat_long: b.name("repeat_long"),
        prefix: b.bins("prefix", &["3", "5", "10"]),
        blines: b.bins("blines", &["2", "3", "5", "9", "17"]),
        bwords: b.bins("bwords", &["4", "10", "25", "60", "150", "400"]),
        bshort: b.bins("bshort", &["0.2", "0.5", "0.8", "0.99"]),
        block_listy: b.name("block_listy"),
        block_has_prose: b.name("block_has_prose"),
        score: ["s", "p1", "n1", "p3", "n3", "p10", "n10", "blk"].iter().map(|n| b.bins(n, &SCORE_EDGES)).collect(),
        none: ["p1", "n1", "p3", "n3", "p10", "n10"].iter().map(|n| b.name(&format!("{n}_none"))).collect(),
        mass_before: b.bins("mb", &MASS_EDGES),
        mass_after: b.bins("mass_after_mb", &MASS_EDGES),
        before: b.bins("before", &DIST),
        after: b.bins("after", &DIST),
        in_region: b.name("in_region"),
        share: b.bins("rshare", &["0.2", "0.4", "0.6", "0.8"]),
        topic: b.bins("topic", &["0.1", "0.25", "0.4", "0.55", "0.7", "0.85"]),
        topic_na: b.name("topic_na"),
        after_related3: b.name("after_related<=3"),
        after_related15: b.name("after_related<=15"),
        related_head: b.name("related_head"),
        code: b.name("code"),
        nwords,
        stop,
        caps,
        digit,
        links,
        sents,
        meanlen,
        glued,
        breaks,
        symbols,
        cue_short,
        cue_long,
        names: Vec::new(),
        index: HashMap::new(),
    };
    // the twins, for every own feature registered so far that has one
    let own: Vec<String> = b.names.clone();
    let mut flat_of = vec![None; own.len()];
    for (id, name) in own.iter().enumerate() {
        if FLAT_CROSSED.iter().any(|p| name.starts_with(p)) {
            flat_of[id] = Some(b.name(&format!("flat_{name}")));
        }
    }
    flat_of.resize(b.names.len(), None);
    v.flat_of = flat_of;
    // a page keeps its units' feature ids as 16-bit integers (`features::Page`)
    assert!(b.names.len() <= usize::from(u16::MAX) + 1, "more features than a page's ids can name");
    v.names = b.names;
    v.index = b.index;
    v
});

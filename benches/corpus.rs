//! A deterministic generator of blog dumps that mixes every structure, and
//! the same documents rendered as CommonMark for pulldown-cmark.

/// A small deterministic pseudo-random generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator that starts from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "la",
    "rete",
    "è",
    "una",
    "conversazione",
    "tra",
    "persone",
    "che",
    "si",
    "fidano",
    "delle",
    "aziende",
    "clienti",
    "mercato",
    "relazione",
    "fiducia",
    "ascoltare",
    "rispondere",
    "community",
    "marketing",
    "social",
    "media",
    "brand",
    "the",
    "market",
    "is",
    "a",
    "conversation",
    "between",
    "people",
    "who",
    "trust",
    "each",
    "other",
    "reputazione",
    "città",
    "perché",
    "più",
    "già",
    "valore",
    "impresa",
    "lavoro",
    "customers",
    "listen",
    "answer",
    "every",
    "day",
    "qualità",
];

/// One document as plain text and as CommonMark.
pub struct Doc {
    /// The dump as tesi reads it.
    pub text: String,
    /// The same documents as CommonMark.
    pub markdown: String,
}

fn sentence(rng: &mut Rng) -> String {
    let n = 6 + rng.below(14);
    let mut s = String::new();
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn paragraph(rng: &mut Rng) -> String {
    let n = 2 + rng.below(5);
    (0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ")
}

fn push(doc: &mut Doc, text: &str, markdown: &str) {
    doc.text.push_str(text);
    doc.text.push_str("\n\n");
    doc.markdown.push_str(markdown);
    doc.markdown.push_str("\n\n");
}

/// A post mixing prose, theses, recommendations, episodes and furniture.
fn post(rng: &mut Rng, doc: &mut Doc, n: usize) {
    let title = format!(
        "{} {}",
        rng.pick(WORDS),
        sentence(rng).trim_end_matches('.')
    );
    push(doc, &title, &format!("# {title}"));
    if rng.below(4) == 0 {
        let line = format!("Episodio {}: {}", n % 50 + 1, sentence(rng));
        push(doc, &line, &line);
    }
    for _ in 0..1 + rng.below(4) {
        let p = paragraph(rng);
        push(doc, &p, &p);
    }
    match rng.below(3) {
        0 => {
            push(doc, "Le tesi [non tutte]", "Le tesi [non tutte]");
            let mut number = 1;
            let (mut text, mut md) = (String::new(), String::new());
            for _ in 0..3 + rng.below(12) {
                let s = sentence(rng);
                text.push_str(&format!("{number}. {s}\n"));
                md.push_str(&format!("{number}. {s}\n"));
                number += 1 + rng.below(3);
            }
            push(doc, text.trim_end(), md.trim_end());
        }
        1 => {
            let lead = "Per questo le imprese dovrebbero:";
            let (mut text, mut md) = (String::new(), String::new());
            for _ in 0..2 + rng.below(6) {
                let s = sentence(rng);
                text.push_str(&format!("–\u{a0}\u{a0}{s}\n"));
                md.push_str(&format!("- {s}\n"));
            }
            push(
                doc,
                &format!("{lead}\n{}", text.trim_end()),
                &format!("{lead}\n\n{}", md.trim_end()),
            );
        }
        _ => {
            let link = "[serie] Nella prossima puntata di “La rete corta”:";
            let recap = sentence(rng);
            let slot = "@04:00 p.m. #retecorta la prossima puntata";
            let text = format!("{link}\n{recap}\n{slot}");
            push(doc, &text, &text);
        }
    }
    let furniture = [
        "Leave a Comment",
        "Lascia un commento",
        "Condividi:\n\nTwitter\n\nFacebook",
        "Annunci",
    ];
    let f = rng.pick(&furniture);
    push(doc, f, f);
}

/// A corpus of about `size` bytes of plain text.
pub fn corpus(seed: u64, size: usize) -> Doc {
    let mut rng = Rng::new(seed);
    let mut doc = Doc {
        text: String::from("Skip to content →\n\nTag: rete\n\n"),
        markdown: String::from("Skip to content →\n\nTag: rete\n\n"),
    };
    let mut n = 0;
    while doc.text.len() < size {
        post(&mut rng, &mut doc, n);
        n += 1;
    }
    doc
}

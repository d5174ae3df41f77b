//! Owned copies: [`Document::into_owned`] and the owned way to
//! deserialise a document.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer};

use super::{
    Block, Boilerplate, Document, Episode, Heading, Paragraph, Post, Recommendation,
    RecommendationList, SeriesLink, Thesis, ThesisList, Title,
};

fn own(text: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(text.into_owned())
}

fn own_opt(text: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    text.map(own)
}

fn own_all(texts: Vec<Cow<'_, str>>) -> Vec<Cow<'static, str>> {
    texts.into_iter().map(own).collect()
}

impl Document<'static> {
    /// Deserialises a document that owns its text, from any deserializer,
    /// such as one reading a file. (Text fields borrow from the JSON when
    /// they can, so `Document<'static>` is not `DeserializeOwned`; this is
    /// the owned way in.)
    ///
    /// ```
    /// let json = serde_json::to_string(&tesi::parse("Titolo\n\nTesto.\n")).unwrap();
    /// let mut de = serde_json::Deserializer::from_reader(json.as_bytes());
    /// let doc = tesi::Document::deserialize_owned(&mut de).unwrap();
    /// assert_eq!(doc.posts[0].title.as_ref().unwrap().text, "Titolo");
    /// ```
    pub fn deserialize_owned<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Document<'static>, D::Error> {
        Document::deserialize(deserializer).map(Document::into_owned)
    }
}

impl Document<'_> {
    /// A copy that owns all its text and no longer borrows the input.
    pub fn into_owned(self) -> Document<'static> {
        Document {
            front: self
                .front
                .into_iter()
                .map(Boilerplate::into_owned)
                .collect(),
            posts: self.posts.into_iter().map(Post::into_owned).collect(),
        }
    }
}

impl Post<'_> {
    /// A copy that owns all its text.
    pub fn into_owned(self) -> Post<'static> {
        Post {
            title: self.title.map(Title::into_owned),
            date: self.date,
            blocks: self.blocks.into_iter().map(Block::into_owned).collect(),
            span: self.span,
        }
    }
}

impl Title<'_> {
    /// A copy that owns all its text.
    pub fn into_owned(self) -> Title<'static> {
        Title {
            text: own(self.text),
            episode: self.episode.map(|e| Box::new(e.into_owned())),
            span: self.span,
        }
    }
}

impl Block<'_> {
    /// A copy that owns all its text.
    pub fn into_owned(self) -> Block<'static> {
        match self {
            Block::Heading(b) => Block::Heading(Heading {
                text: own(b.text),
                span: b.span,
            }),
            Block::Paragraph(b) => Block::Paragraph(Paragraph {
                text: own(b.text),
                span: b.span,
            }),
            Block::ThesisList(b) => Block::ThesisList(Box::new(ThesisList {
                heading: own_opt(b.heading),
                items: b.items.into_iter().map(Thesis::into_owned).collect(),
                declared_partial: b.declared_partial,
                missing: b.missing,
                span: b.span,
            })),
            Block::RecommendationList(b) => {
                Block::RecommendationList(Box::new(RecommendationList {
                    lead_in: own_opt(b.lead_in),
                    items: b
                        .items
                        .into_iter()
                        .map(Recommendation::into_owned)
                        .collect(),
                    run_in: b.run_in,
                    span: b.span,
                }))
            }
            Block::Episode(b) => Block::Episode(Box::new(b.into_owned())),
            Block::SeriesLink(b) => Block::SeriesLink(Box::new(SeriesLink {
                direction: b.direction,
                series_tag: own_opt(b.series_tag),
                series_title: own_opt(b.series_title),
                summary: own_opt(b.summary),
                episode: b.episode.map(Episode::into_owned),
                span: b.span,
            })),
            Block::Boilerplate(b) => Block::Boilerplate(b.into_owned()),
        }
    }
}

impl Thesis<'_> {
    /// A copy that owns all its text.
    pub fn into_owned(self) -> Thesis<'static> {
        Thesis {
            number: self.number,
            marker: own(self.marker),
            text: own(self.text),
            notes: own_all(self.notes),
            comment: own_opt(self.comment),
            span: self.span,
        }
    }
}

impl Recommendation<'_> {
    /// A copy that owns all its text.
    pub fn into_owned(self) -> Recommendation<'static> {
        Recommendation {
            marker: own(self.marker),
            level: self.level,
            text: own(self.text),
            episode: self.episode.map(|e| Box::new(e.into_owned())),
            span: self.span,
        }
    }
}

impl Episode<'_> {
    /// A copy that owns all its text.
    pub fn into_owned(self) -> Episode<'static> {
        Episode {
            number: self.number,
            of: self.of,
            title: own_opt(self.title),
            time: self.time,
            hashtags: own_all(self.hashtags),
            series_tag: own_opt(self.series_tag),
            series_title: own_opt(self.series_title),
            span: self.span,
        }
    }
}

impl Boilerplate<'_> {
    /// A copy that owns all its text.
    pub fn into_owned(self) -> Boilerplate<'static> {
        Boilerplate {
            category: self.category,
            text: own(self.text),
            span: self.span,
        }
    }
}

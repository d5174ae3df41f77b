//! Series assembled across the documents of `fixtures/series/`.

use tesi::series::Catalog;

#[test]
fn ok_series_across_documents() {
    let mut paths: Vec<_> = std::fs::read_dir("fixtures/series")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut catalog = Catalog::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        catalog.add(&name, &tesi::parse(&text));
    }
    let series = catalog.series();
    let bottega = series
        .iter()
        .find(|s| s.tag.as_deref() == Some("bottega"))
        .unwrap();
    assert_eq!(bottega.title.as_deref(), Some("La bottega"));
    let numbers: Vec<_> = bottega.episodes.iter().map(|e| e.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(4)]);
    assert_eq!(bottega.missing(), [3]);
    insta::assert_snapshot!(catalog.to_string());
}

#[test]
fn ok_episodes_of_list_items_are_iterated() {
    let doc = tesi::parse("Le puntate:\n\n• Puntata 1: il profilo\n• Puntata 2: la recensione\n");
    let numbers: Vec<Option<u32>> = doc.episodes().map(|e| e.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
}

/// The old names of the document's iterators still answer, for one
/// release, as the new ones do.
#[test]
#[allow(deprecated)]
fn ok_deprecated_names_answer_as_the_new_ones() {
    let doc =
        tesi::parse("Le tesi\n\n1. Uno.\n2. Due.\n\nConsigli:\n\n- ascoltare\n- rispondere\n");
    assert_eq!(doc.theses().count(), doc.thesis_items().count());
    assert_eq!(doc.thesis_items().count(), 2);
    assert_eq!(
        doc.recommendations().count(),
        doc.recommendation_lists().count()
    );
    assert_eq!(doc.recommendation_items().count(), 2);
}

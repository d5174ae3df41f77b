//! The flat tables: one row per record, the same count as the tree
//! holds, and CSV that reads back with its header.

use tesi::Table;

use crate::check::fixture_texts as fixtures;

#[test]
fn ok_a_row_for_every_record() {
    for (name, text) in fixtures() {
        let doc = tesi::parse(&text);
        let count = |table| doc.rows(table, &name).count();
        assert_eq!(count(Table::Theses), doc.thesis_items().count(), "{name}");
        assert_eq!(
            count(Table::Recommendations),
            doc.recommendation_items().count(),
            "{name}"
        );
        assert_eq!(count(Table::Episodes), doc.episodes().count(), "{name}");
        assert_eq!(count(Table::Posts), doc.posts.len(), "{name}");
        for row in doc.rows(Table::Theses, &name) {
            // The span points at the thesis in the source.
            let source = &text[row.start..row.end];
            assert!(source.contains(row.marker.unwrap()), "{name}: {row:?}");
            assert_eq!(row.document, name);
        }
    }
}

#[test]
fn ok_csv_rows_read_back() {
    let mut written = 0;
    let mut out = csv::Writer::from_writer(Vec::new());
    for (name, text) in fixtures() {
        let doc = tesi::parse(&text);
        for row in doc.rows(Table::Theses, &name) {
            out.serialize(row).unwrap();
            written += 1;
        }
    }
    let bytes = out.into_inner().unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, tesi::Row::FIELDS);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(written > 20);
    assert_eq!(records.len(), written);
    // A thesis row has its number and no level.
    assert!(records.iter().all(|r| !r[5].is_empty() && r[7].is_empty()));
}

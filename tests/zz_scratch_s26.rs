use samenscan::domain::privacy::scan;
use samenscan::domain::FindingKind;
#[test]
fn scratch() {
    #[derive(serde::Deserialize)]
    struct Item {
        text: String,
        names: Vec<String>,
    }
    let v: Vec<Item> =
        serde_json::from_str(&std::fs::read_to_string("/tmp/s26/corpus/names.json").unwrap())
            .unwrap();
    let (mut tp, mut fn_, mut fp, mut fp_texts, mut miss_texts) = (0, 0, 0, 0, 0);
    for it in &v {
        let found: Vec<String> = scan(&it.text)
            .into_iter()
            .filter(|f| f.kind == FindingKind::Name)
            .map(|f| f.text)
            .collect();
        let mut missed = vec![];
        for n in &it.names {
            if found
                .iter()
                .any(|f| f.contains(n.as_str()) || n.contains(f.as_str()))
            {
                tp += 1
            } else {
                fn_ += 1;
                missed.push(n.clone())
            }
        }
        let wrong: Vec<&String> = found
            .iter()
            .filter(|f| {
                !it.names
                    .iter()
                    .any(|n| f.contains(n.as_str()) || n.contains(f.as_str()))
            })
            .collect();
        fp += wrong.len();
        if !wrong.is_empty() {
            fp_texts += 1;
            println!("FP {:?} in {}", wrong, it.text);
        }
        if !missed.is_empty() {
            miss_texts += 1;
            println!("MISS {:?} in {}", missed, it.text);
        }
    }
    println!("names found {tp}, missed {fn_}, false {fp} (texts with false {fp_texts}, texts with a miss {miss_texts})");
}

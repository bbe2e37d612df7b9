fn main() {
    let name = std::env::args().nth(1).unwrap_or_else(|| "world".to_string());
    let words: Vec<String> = ["hello", &name].iter().map(|w| w.to_uppercase()).collect();
    println!("{}", words.join(", "));
}

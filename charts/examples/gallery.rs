//! Writes every chart of the sample data as SVG and PNG into a folder, to look at them:
//! `cargo run -p charts --example gallery -- target/charts-gallery`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/charts-gallery".to_owned()));
    std::fs::create_dir_all(&dir)?;
    let charts = [
        ("radar", charts::radar(&common::radar_chart())?),
        ("heatmap", charts::heatmap(&common::heatmap_chart(30))?),
        ("levels", charts::stacked_levels(&common::levels_chart())?),
        ("trend", charts::trend(&common::trend_chart())?),
    ];
    for (name, svg) in charts {
        std::fs::write(dir.join(format!("{name}.svg")), &svg)?;
        std::fs::write(dir.join(format!("{name}.png")), charts::png_from_svg(&svg, 1.0)?)?;
        println!("{}", dir.join(name).display());
    }
    Ok(())
}

//! Measures libwebp's method (effort) trade-off on real photos: for each photo, resize to
//! 1600 px wide, encode at quality 80 with methods 0–6 and report bytes, encode time and PSNR
//! against the unencoded pixels. Used to choose laurel's WebP method (see README).
//!
//! `cargo bench --bench webp_effort -- PHOTO...` (a `cargo bench` target, so `cargo test`
//! does not compile it)

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use std::time::{Duration, Instant};

fn main() {
    let photos: Vec<String> = std::env::args().skip(1).collect();
    let mut totals = [(0usize, Duration::ZERO, 0f64); 7];
    for path in &photos {
        let image = image::open(path).expect("decodable photo").to_rgb8();
        let height = (1600.0 * image.height() as f64 / image.width() as f64).round() as u32;
        let src = Image::from_vec_u8(
            image.width(),
            image.height(),
            image.into_raw(),
            PixelType::U8x3,
        )
        .unwrap();
        let mut dst = Image::new(1600, height, PixelType::U8x3);
        let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
        Resizer::new().resize(&src, &mut dst, &options).unwrap();
        let pixels = dst.buffer();
        for (method, total) in totals.iter_mut().enumerate() {
            let mut config = webp::WebPConfig::new().unwrap();
            config.quality = 80.0;
            config.method = method as i32;
            let started = Instant::now();
            let encoded = webp::Encoder::from_rgb(pixels, 1600, height)
                .encode_advanced(&config)
                .unwrap();
            let elapsed = started.elapsed();
            let decoded = webp::Decoder::new(&encoded).decode().unwrap();
            let mse: f64 = pixels
                .iter()
                .zip(decoded.iter())
                .map(|(a, b)| (*a as f64 - *b as f64).powi(2))
                .sum::<f64>()
                / pixels.len() as f64;
            *total = (
                total.0 + encoded.len(),
                total.1 + elapsed,
                total.2 + 10.0 * (255.0f64.powi(2) / mse).log10(),
            );
        }
    }
    println!(
        "method  bytes       encode ms  mean PSNR dB   ({} photos at 1600 px, q80)",
        photos.len()
    );
    for (method, (bytes, time, psnr)) in totals.iter().enumerate() {
        println!(
            "{method:>6}  {bytes:>10}  {:>9.0}  {:>12.3}",
            time.as_secs_f64() * 1000.0,
            psnr / photos.len() as f64
        );
    }
}

#!/usr/bin/env python3
"""Visual quality of laurel's and sharp's outputs on the shared corpus, after bench/images.sh.

Usage: bench/quality.py [WORK]   (default bench/.work, where images.sh left its site and
sharp's outputs)

For each corpus photo, the 1600 px WebP and JPEG of both pipelines are compared with a
reference: the photo scaled to 1600 px with Lanczos by ffmpeg into a lossless PNG. PSNR and
SSIM come from ffmpeg's filters. Photos whose EXIF orientation ffmpeg does not apply (the
reference then has other dimensions) are left out and counted. laurel's file of each photo is
found on its laureate's page, where photos appear in profile order.
Needs python3 and ffmpeg.
"""
import os, re, statistics, subprocess, sys, tempfile

WORK = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".work"))
SITE = os.path.join(WORK, "site")
SHARP = os.path.join(WORK, "sharp-out")


def dimensions(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                          "stream=width,height", "-of", "csv=p=0", path],
                         capture_output=True, text=True, check=True).stdout.strip()
    width, height = out.split(",")[:2]
    return int(width), int(height)


def compare(image, reference):
    """(PSNR dB, SSIM) of `image` against `reference`, both the same size."""
    err = subprocess.run(["ffmpeg", "-v", "info", "-i", image, "-i", reference, "-lavfi",
                          "[0:v]format=rgb24[a];[1:v]format=rgb24[b];[a][b]ssim;[0:v]format=rgb24[c];"
                          "[1:v]format=rgb24[d];[c][d]psnr", "-f", "null", "-"],
                         capture_output=True, text=True).stderr
    ssim = float(re.search(r"SSIM .*All:([0-9.]+)", err).group(1))
    psnr = re.search(r"PSNR .*average:([0-9.inf]+)", err).group(1)
    return float(psnr), ssim


def laurel_files(folder):
    """The media file names of each photo of one bench laureate, in profile order."""
    profile = open(os.path.join(folder, "profile.yaml"), encoding="utf-8").read()
    photos = re.findall(r'file: "photos/(.+?)"', profile)
    name = re.search(r"^name: (.+)$", profile, re.M).group(1)
    pages = os.path.join(SITE, "public", "laureates")
    for slug in os.listdir(pages):
        html = open(os.path.join(pages, slug, "index.html"), encoding="utf-8").read()
        if f">{name}<" in html:
            stems = list(dict.fromkeys(re.findall(r"([0-9a-f]{16})-o1600\.webp", html)))
            return dict(zip(photos, stems))
    return {}


def main():
    scores = {key: [] for key in ("laurel webp", "sharp webp", "laurel jpeg", "sharp jpeg")}
    skipped = 0
    media = os.path.join(SITE, "public", "media")
    with tempfile.TemporaryDirectory() as scratch:
        people = os.path.join(SITE, "content", "laureates")
        for person in sorted(os.listdir(people)):
            for photo, stem in laurel_files(os.path.join(people, person)).items():
                source = os.path.join(people, person, "photos", photo)
                base = os.path.splitext(photo)[0]
                reference = os.path.join(scratch, "reference.png")
                subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", source, "-vf",
                                "scale=1600:-2:flags=lanczos", reference], check=True)
                pairs = {
                    "laurel webp": os.path.join(media, f"{stem}-o1600.webp"),
                    "sharp webp": os.path.join(SHARP, f"{base}_1600.webp"),
                    "laurel jpeg": os.path.join(media, f"{stem}-o1600.jpg"),
                    "sharp jpeg": os.path.join(SHARP, f"{base}_1600.jpg"),
                }
                size = dimensions(reference)
                if any(abs(dimensions(p)[1] - size[1]) > 1 or dimensions(p)[0] != size[0]
                       for p in pairs.values()):
                    skipped += 1
                    continue
                for key, path in pairs.items():
                    if dimensions(path) != size:
                        # One pixel of rounding in the height: compare at the image's size.
                        fitted = os.path.join(scratch, "fitted.png")
                        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", reference, "-vf",
                                        f"scale={dimensions(path)[0]}:{dimensions(path)[1]}:flags=lanczos",
                                        fitted], check=True)
                        scores[key].append(compare(path, fitted))
                    else:
                        scores[key].append(compare(path, reference))
    count = len(scores["laurel webp"])
    print(f"1600 px outputs against a lossless Lanczos reference: {count} photos "
          f"({skipped} left out: orientation or size differs)")
    for key, values in scores.items():
        psnr = statistics.mean(v[0] for v in values)
        ssim = statistics.mean(v[1] for v in values)
        print(f"  {key:12} PSNR {psnr:6.2f} dB   SSIM {ssim:.4f}")


if __name__ == "__main__":
    main()

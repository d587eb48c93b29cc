#!/usr/bin/env python3
"""A national-size campaign: build times, memory and page sizes at 2,000 and 6,000 laureates.

Usage: bench/scale.py [LAUREATES...]   (default: 2000; LAUREL=path picks another binary, to
compare two builds of laurel; KEEP=folder keeps each generated site in folder/<LAUREATES>
and, when that site is already there, measures it again without the cold build)

The site is generated from the example: each laureate gets the profile, story and captions of
one of the example's nine (round-robin) under a new name, a portrait and 5 small photos
(the example's 26 distinct photos scaled to 800 px once with ffmpeg, then made distinct per
laureate by a JPEG comment, so every photo is a new file to the media stage, as in a real
campaign). Measured, with a release build:
  - cold build (empty cache), peak memory (laurel's own, from wait4);
  - no-op rebuild; a rebuild after one story.md changed;
  - the largest HTML page, and search.json raw and gzipped.
Needs python3 and ffmpeg (only to make the small photos).
"""
import gzip, os, re, shutil, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUREL = os.environ.get("LAUREL") or os.path.join(REPO, "target", "release", "laurel")
DISTINCT = os.path.join(REPO, "..", "shared", "example-photos", "distinct")


def small_photos(dest):
    """The distinct photos at 800 px wide, as JPEG bytes."""
    photos = []
    for name in sorted(os.listdir(DISTINCT)):
        if not name.lower().endswith((".jpg", ".jpeg")):
            continue
        out = os.path.join(dest, f"p{len(photos)}.jpg")
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", os.path.join(DISTINCT, name),
                        "-vf", "scale=800:-2", "-q:v", "4", out], check=True)
        photos.append(open(out, "rb").read())
    return photos


def distinct(jpeg, tag):
    """The same picture with a comment segment, so its bytes (and content hash) differ."""
    comment = tag.encode()
    return jpeg[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + jpeg[2:]


def make_site(dest, count, photos):
    shutil.copy(os.path.join(REPO, "site.yaml"), dest)
    shutil.copytree(os.path.join(REPO, "static"), os.path.join(dest, "static"))
    example = os.path.join(REPO, "content", "laureates")
    people = os.path.join(dest, "content", "laureates")
    os.makedirs(people)
    shutil.copytree(os.path.join(REPO, "content", "pages"), os.path.join(dest, "content", "pages"))
    originals = sorted(os.listdir(example))
    for i in range(count):
        src = os.path.join(example, originals[i % len(originals)])
        # The first nine keep their names: the example's stories link to them.
        name = originals[i] if i < len(originals) else f"{originals[i % len(originals)]}{i + 1}"
        folder = os.path.join(people, name)
        os.makedirs(os.path.join(folder, "photos"))
        shutil.copy(os.path.join(src, "story.md"), folder)
        profile = open(os.path.join(src, "profile.yaml"), encoding="utf-8").read()
        profile = re.sub(r"^name: .*$", f"name: {name}", profile, count=1, flags=re.M)
        # Photos are listed anew below; drop the example's own list, portrait and videos.
        profile = re.split(r"^(photos|portrait|videos):", profile, flags=re.M)[0]
        profile += f"portrait: photos/{name}0.jpg\n"
        open(os.path.join(folder, "profile.yaml"), "w", encoding="utf-8").write(profile)
        for k in range(6):
            jpeg = distinct(photos[(i * 6 + k) % len(photos)], f"{i}-{k}")
            open(os.path.join(folder, "photos", f"{name}{k}.jpg"), "wb").write(jpeg)


def timed(args):
    start = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace")
    if status != 0:
        sys.exit(f"{' '.join(args)} failed:\n{err[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def page_sizes(public):
    largest = []
    for base, _, files in os.walk(public):
        for f in files:
            if f.endswith(".html"):
                path = os.path.join(base, f)
                largest.append((os.path.getsize(path), os.path.relpath(path, public)))
    largest.sort(reverse=True)
    return largest[:5]


def measure(count, photos, site):
    build = [LAUREL, "build", "--quiet", "--root", site]
    print(f"{count} laureates, {count * 6} photos")
    if not os.path.isdir(os.path.join(site, "public")):
        make_site(site, count, photos)
        seconds, mb = timed(build)
        print(f"  cold build: {seconds:.1f} s, peak {mb:.0f} MB")
    seconds, mb = timed(build)
    print(f"  no-op rebuild: {seconds:.2f} s, peak {mb:.0f} MB")
    people = os.path.join(site, "content", "laureates")
    story = os.path.join(people, sorted(os.listdir(people))[0], "story.md")
    with open(story, "a", encoding="utf-8") as f:
        f.write("\n\n又一个段落。\n")
    seconds, mb = timed(build)
    print(f"  one story edited: {seconds:.2f} s, peak {mb:.0f} MB")
    public = os.path.join(site, "public")
    for size, path in page_sizes(public):
        print(f"  page {path}: {size / 1024:.0f} KB")
    index = open(os.path.join(public, "search.json"), "rb").read()
    print(f"  search.json: {len(index) / 1024:.0f} KB, {len(gzip.compress(index)) / 1024:.0f} KB gzipped")


def main():
    counts = [int(a) for a in sys.argv[1:]] or [2000]
    keep = os.environ.get("KEEP")
    with tempfile.TemporaryDirectory() as scratch:
        photos = small_photos(scratch)
        for count in counts:
            if keep:
                site = os.path.join(os.path.abspath(keep), str(count))
                os.makedirs(site, exist_ok=True)
                measure(count, photos, site)
            else:
                with tempfile.TemporaryDirectory() as site:
                    measure(count, photos, site)


if __name__ == "__main__":
    main()

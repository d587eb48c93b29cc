#!/usr/bin/env python3
"""The studio's three waits (issue 30), each against its target.

Usage: bench/studio.py [render|upload|dashboard ...]   (default: all three; KEEP=folder keeps
the generated sites in folder/ and measures them again when they are there; LAUREL=path picks
another binary)

  render     typing in the story → the preview answered: POST /api/render (the profile page
             and H5 card rendered from the unsaved form) at 60 nominees, 20 edits one after
             the other; target < 200 ms.
  upload     ten 12-megapixel phone photos (4000×3000 JPEG of 3–5 MB, made once with ffmpeg from
             ../shared/example-photos) sent to one nominee as the page sends them (one after
             the other, POST /api/upload), then GET /api/media (named and listed); target
             < 2 s. Their 480 px previews (GET /api/preview, six at a time as a browser
             fetches them) are timed beside it, and the site's images of the nominee, made
             in the background into the build's cache (GET /api/images until done).
  dashboard  at 6,000 nominees with 6 photos each (scale.py's generated campaign): the cards,
             GET /api/campaign (every profile loaded; target < 1 s), then check's verdict,
             GET /api/verdict (load and check, as `laurel check`, with what check keeps of
             the photos in .laurel-cache/check.json; COLD=1 deletes it first); each the first
             answer and the median of 5 more (AGAIN=n: n more). DROP=1 (as root) empties the
             system's page cache first, so the first answer reads every file from the disk, as
             the first open after the computer starts does.

The 60-nominee site is the example's nine copied round-robin (serve.py's make_site). Needs a
release build (cargo build --release), python3 and ffmpeg.
"""
import concurrent.futures, http.client, json, os, statistics, subprocess, sys, tempfile, time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scale  # noqa: E402
import serve  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUREL = os.environ.get("LAUREL") or os.path.join(REPO, "target", "release", "laurel")
PHOTOS = os.path.join(REPO, "..", "shared", "example-photos")


class Studio:
    """A running `laurel studio --no-open` on a free port, spoken to as its page speaks."""

    def __init__(self, site):
        self.proc = subprocess.Popen([LAUREL, "studio", "--no-open", "--port", "0", "--root", site],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        url = self.proc.stdout.readline().strip()
        rest = url.split("//", 1)[1]
        self.address, self.key = rest.split("/?key=")
        self.host, port = self.address.split(":")
        self.port = int(port)

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=900)
        headers = {"Host": self.address, "Cookie": f"laurel_studio_{self.port}={self.key}",
                   "X-Laurel-Key": self.key, "Origin": f"http://{self.address}",
                   "Connection": "close"}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        if response.status >= 300:
            sys.exit(f"{method} {path}: {response.status} {data[:300]!r}")
        return data

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def timed(call):
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def site_folder(name, make):
    """folder/name under KEEP (made when missing), else a new temporary folder."""
    keep = os.environ.get("KEEP")
    if keep:
        path = os.path.join(os.path.abspath(keep), name)
        if not os.path.isdir(path):
            os.makedirs(path)
            make(path)
        return path
    path = tempfile.mkdtemp(prefix=f"laurel-studio-{name}-")
    make(path)
    return path


def verdict(millis, target):
    return "met" if millis < target else f"missed by {millis - target:.0f} ms"


def bench_render():
    site = site_folder("60", lambda path: serve.make_site(path, 60))
    studio = Studio(site)
    try:
        story = open(os.path.join(site, "content", "laureates", "李明远", "story.md"),
                     encoding="utf-8").read()
        timings = []
        for i in range(21):
            story += f"第{i}个字。"
            body = json.dumps({"folder": "李明远", "values": {}, "story": story})
            millis, answer = timed(lambda: studio.request("POST", "/api/render", body.encode()))
            profile = json.loads(answer)["profile"]
            assert f"第{i}个字" in studio.request("GET", urllib.parse.quote(profile)).decode()
            timings.append(millis)
        first, rest = timings[0], timings[1:]
        median = statistics.median(rest)
        print(f"render at 60 nominees: first {first:.0f} ms, then median {median:.0f} ms "
              f"(min {min(rest):.0f}, max {max(rest):.0f}, 20 edits); target 200 ms: "
              f"{verdict(median, 200)}")
    finally:
        studio.stop()


def phone_photos(dest):
    """Ten 4000×3000 JPEGs from the example photos, as a phone makes them: quality ~92, with a
    sensor's grain, so each is 3–5 MB as a phone's is (upscaled without grain they were 1 MB)."""
    names = sorted(n for n in os.listdir(PHOTOS) if n.startswith("photo-"))[:10]
    made = []
    for name in names:
        out = os.path.join(dest, f"IMG_{len(made) + 1:04}.JPG")
        if not os.path.exists(out):
            subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", os.path.join(PHOTOS, name),
                            "-vf", "scale=4000:3000:force_original_aspect_ratio=increase,"
                                   "crop=4000:3000,noise=alls=10:allf=t", "-q:v", "2", out], check=True)
        made.append(out)
    return made


def bench_upload():
    site = site_folder("upload", lambda path: serve.make_site(path, None))
    photos = phone_photos(site_folder("phone-photos", lambda path: None))
    megabytes = sum(os.path.getsize(p) for p in photos) / 1e6
    studio = Studio(site)
    profile = os.path.join(site, "content", "laureates", "李明远", "profile.yaml")
    written = open(profile, encoding="utf-8").read()
    try:
        folder = "李明远"
        start = time.perf_counter()
        names = []
        for photo in photos:
            query = urllib.parse.urlencode({"folder": folder, "name": os.path.basename(photo)})
            answer = studio.request("POST", f"/api/upload?{query}", open(photo, "rb").read())
            names.append(json.loads(answer)["file"])
        media = json.loads(studio.request("GET", "/api/media?" + urllib.parse.urlencode(
            {"folder": folder})))
        listed = (time.perf_counter() - start) * 1000
        listing = json.dumps(media, ensure_ascii=False)
        missing = [n for n in names if os.path.basename(n) not in listing]
        assert not missing, f"not listed: {missing}"

        def preview(name):
            path = f"content/laureates/{folder}/photos/{os.path.basename(name)}"
            return studio.request("GET", "/api/preview?" + urllib.parse.urlencode({"path": path}))
        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            list(pool.map(preview, names))
        shown = (time.perf_counter() - start) * 1000
        print(f"ten 12 MP photos ({megabytes:.0f} MB): named and listed in {listed:.0f} ms "
              f"(target 2000 ms: {verdict(listed, 2000)}); with their previews {shown:.0f} ms")
        query = urllib.parse.urlencode({"folder": folder})
        while not (making := json.loads(studio.request("GET", f"/api/images?{query}")))["done"]:
            time.sleep(0.1)
        made = time.perf_counter() - start
        print(f"  the site's images of the nominee made in the background: {making['made']} "
              f"images in {made:.1f} s from the first upload")
        for name in names:
            os.remove(os.path.join(site, "content", "laureates", folder, "photos",
                                   os.path.basename(name)))
        # The uploads were recorded in the profile (their original names): as it was, so
        # that the next run starts from the same site.
        open(profile, "w", encoding="utf-8").write(written)
    finally:
        studio.stop()


def make_campaign(path):
    with tempfile.TemporaryDirectory() as scratch:
        scale.DISTINCT = PHOTOS
        scale.make_site(path, 6000, scale.small_photos(scratch))


def bench_dashboard():
    site = site_folder("6000", make_campaign)
    memo = os.path.join(site, ".laurel-cache", "check.json")
    if os.environ.get("COLD") and os.path.exists(memo):
        os.remove(memo)
    kept = os.path.exists(memo)
    if os.environ.get("DROP"):
        subprocess.run(["sync"], check=True)
        with open("/proc/sys/vm/drop_caches", "w") as caches:
            caches.write("3\n")
        print("page cache dropped: the first answer reads from the disk")
    studio = Studio(site)
    try:
        again = int(os.environ.get("AGAIN", "5"))

        def measure(path):
            first, answer = timed(lambda: studio.request("GET", path))
            rest = [timed(lambda: studio.request("GET", path))[0] for _ in range(again)]
            return first, statistics.median(rest), min(rest), max(rest), answer

        first, median, low, high, answer = measure("/api/campaign")
        count = len(json.loads(answer)["nominees"])
        print(f"dashboard cards of {count} nominees ({len(answer) / 1e6:.1f} MB JSON): first "
              f"{first:.0f} ms, then median {median:.0f} ms (min {low:.0f}, max {high:.0f}); "
              f"target 1000 ms: {verdict(max(first, median), 1000)}")
        first, median, low, high, answer = measure("/api/verdict")
        findings = json.loads(answer)
        print(f"check's verdict ({findings['errors']} errors, {findings['warnings']} warnings, "
              f"{len(answer) / 1e6:.1f} MB JSON): first {first:.0f} ms "
              f"({'check.json kept from an earlier run' if kept else 'no check.json: every photo read'}), "
              f"then median {median:.0f} ms (min {low:.0f}, max {high:.0f})")
    finally:
        studio.stop()


def main():
    wanted = sys.argv[1:] or ["render", "upload", "dashboard"]
    load = os.getloadavg()[0]
    print(f"load average at the start: {load:.2f} on {os.cpu_count()} cores")
    for name in wanted:
        {"render": bench_render, "upload": bench_upload, "dashboard": bench_dashboard}[name]()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Time from saving a story to the reloaded page in `laurel serve`.

Usage: bench/serve.py [LAUREATES | SITE_FOLDER]   (default: the example site, and a
200-laureate site; a folder is an existing site with 李明远 among its laureates, such as one
that `KEEP=folder bench/scale.py 2000` made, measured in place: its story is restored after)

The 200-laureate site is the example's 9 laureates copied round-robin under new names (same
photos, so the image cache is warm after the first build). For each of 10 edits it appends a
sentence to one story.md, waits for the server's `reload` event, fetches the page and checks the
sentence is there: the time is from the write to the page's last byte, debounce included.
Needs a release build (cargo build --release) and python3 only.
"""
import os, re, shutil, socket, statistics, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUREL = os.path.join(REPO, "target", "release", "laurel")


def make_site(dest, count):
    shutil.copy(os.path.join(REPO, "site.yaml"), dest)
    for folder in ("content", "static"):
        shutil.copytree(os.path.join(REPO, folder), os.path.join(dest, folder))
    if count is None:
        return
    people = os.path.join(dest, "content", "laureates")
    originals = sorted(os.listdir(people))
    for i in range(count - len(originals)):
        src = originals[i % len(originals)]
        name = f"{src}{i + 1}"
        shutil.copytree(os.path.join(people, src), os.path.join(people, name))
        profile = os.path.join(people, name, "profile.yaml")
        text = open(profile, encoding="utf-8").read()
        text = re.sub(r"^name: .*$", f"name: {name}", text, count=1, flags=re.M)
        open(profile, "w", encoding="utf-8").write(text)


def get(address, path):
    with socket.create_connection(address) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while True:
            data = s.recv(65536)
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks).decode("utf-8", "replace")


def measure(count, folder=None):
    with tempfile.TemporaryDirectory() as scratch:
        site = folder or scratch
        if folder is None:
            make_site(site, count)
        story = os.path.join(site, "content", "laureates", "李明远", "story.md")
        original = open(story, "rb").read()
        server = subprocess.Popen([LAUREL, "serve", "--port", "0", "--root", site],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            lines = []
            for line in server.stdout:
                lines.append(line.strip())
                if line.startswith("Serving "):
                    break
            url = line.split()[1]
            host, port = url.split("//")[1].split("/")[0].split(":")
            root = "/" + url.split("//")[1].split("/", 1)[1]
            address = (host, int(port))
            events = socket.create_connection(address)
            events.sendall(b"GET /__laurel/events HTTP/1.1\r\nHost: x\r\n\r\n")
            events.settimeout(30)
            buffer = b""
            while b"event: fine" not in buffer:
                buffer += events.recv(4096)
            timings = []
            for i in range(10):
                marker = f"第{i}次修改的句子。"
                time.sleep(0.3)
                start = time.perf_counter()
                with open(story, "a", encoding="utf-8") as f:
                    f.write(f"\n\n{marker}\n")
                buffer = b""
                while b"event: reload" not in buffer:
                    buffer += events.recv(4096)
                page = get(address, root + "laureates/li-ming-yuan/")
                elapsed = (time.perf_counter() - start) * 1000
                assert marker in page, "the edit is not on the page"
                timings.append(elapsed)
            first_build = lines[0]
            return first_build, timings
        finally:
            server.kill()
            open(story, "wb").write(original)


def main():
    if len(sys.argv) > 1 and os.path.isdir(sys.argv[1]):
        first, timings = measure(None, os.path.abspath(sys.argv[1]))
        report(sys.argv[1], first, timings)
        return
    counts = [int(sys.argv[1])] if len(sys.argv) > 1 else [None, 200]
    for count in counts:
        first, timings = measure(count)
        label = "example (9 laureates)" if count is None else f"{count} laureates"
        report(label, first, timings)


def report(label, first, timings):
    print(f"{label}: {first}")
    print(f"  save → reloaded page: median {statistics.median(timings):.0f} ms, "
          f"min {min(timings):.0f}, max {max(timings):.0f} (10 edits, 60 ms debounce included)")


if __name__ == "__main__":
    main()

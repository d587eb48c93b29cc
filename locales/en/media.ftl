# What laurel says while processing photos, videos, captions and posters and writing the site
# (English). `.fix` is how to fix it.

image-unreadable = cannot read the image: { $why }
image-undecodable = cannot decode the image: { $why }
    .fix = the file is corrupt or incomplete: copy it again from the original, or open and re-save it as JPEG
image-unwritable = cannot write its processed images: { $why }
    .fix = check that the disk is not full and .laurel-cache/ is writable
image-empty = the file is empty (0 bytes)
    .fix = export it again, or ask the nominating unit for the original
image-cut-short = the image is cut short (it ends before the picture does, as after a broken transfer)
    .fix = copy it again from the original, or ask the nominating unit for it
image-jpeg-named = the file is a JPEG image but its name ends in .{ $ext }
    .fix = rename it to end in .jpg, and change its path in profile.yaml to match
image-png-named = the file is a PNG image but its name ends in .{ $ext }
    .fix = convert it to JPEG (the notice asks for JPEG) under the same name, so the path in profile.yaml stays right
image-heic = the file is a HEIC/HEIF image, although its name ends in .{ $ext }
    .fix = convert it to JPEG (e.g. open and export it, or set the iPhone camera to 'Most Compatible')
image-unknown = the file is not a JPEG or PNG image (it may be corrupt, empty or another format)
    .fix = export it as JPEG from the original, or replace it
image-resize-failed = resize failed: { $why }
image-encode-failed = { $format } encoding failed: { $why }
image-no-header = no image header
image-size-mismatch = decoded size does not match the header
image-role-missing = no { $role ->
        [photo] photo
        [thumbnail] thumbnail
        [portrait] portrait
        [square] square share image
        [cover] 2.35:1 cover
        [poster] 3:4 share poster
       *[video-poster] video poster
    } was made of this image
    .fix = laurel's media roles and its pages disagree: please report this

video-unreadable = cannot read the video: { $why }
video-no-moov = no moov box: not an MP4/MOV file, or an unfinished recording
video-no-mvhd = no movie header (mvhd)
video-bad-mvhd = unreadable movie header
video-track-no-header = video track without header
video-bad-tkhd = unreadable track header
video-no-track = the file has no video track
video-not-remuxed = could not be remuxed for streaming ({ $why })
video-no-poster-frame = no poster frame ({ $why })
video-published-as-is = { $file }: { $failures }; published as it is
ffmpeg-missing = ffmpeg is not installed
ffmpeg-cannot-run = cannot run ffmpeg: { $why }
ffmpeg-failed = ffmpeg failed
captions-not-webvtt = not a WebVTT file (it must start with WEBVTT)
    .fix = export the captions as .vtt or .srt from the editing app
captions-unstorable = cannot store the captions: { $why }

poster-empty = the poster came out empty
poster-layout-failed = the { $template } layout failed: { $why }
poster-template-failed = the { $template } layout failed for { $name }: { $why }
    .fix = fix the poster template (SVG with Tera); the built-in one is in laurel's default theme
poster-cache-unwritable = cannot write to the cache: { $why }
poster-not-number = `{ $key }` must be a number
poster-not-text = `{ $key }` must be a string
poster-bad-svg = not valid SVG: { $why }
poster-no-size = the SVG has no size ({ $width }x{ $height })
fonts-unreadable = fonts: cannot read `{ $name }`: { $why }
    .fix = give paths of OTF, TTF or TTC files relative to site.yaml's folder
fonts-no-chinese = fonts: none of { $names } has Chinese characters
    .fix = name a Chinese font such as Noto Sans CJK SC or Source Han Sans SC

output-holds-site = refusing to build into this folder: it holds the site's own files and would be replaced
    .fix = choose an output folder of its own, such as public/
output-unwritable = cannot write the output: { $why }
    .fix = check free disk space and permissions; the previous output was left as it was
output-cannot-move = cannot move { $from } to { $to }
output-cannot-remove = cannot remove { $path }
output-held-open = { $what }: { $why }; another program (a browser, Explorer, a virus scan) may have it open: close it and try again
output-failed = { $what }: { $why }

# laurel check: what each rule says and how to fix it (English).
# Each message's `.fix` attribute is its fix. Arguments are written $like_this.

field-missing = `{ $key }` is missing
    .fix = add `{ $key }:` to profile.yaml
gender-invalid = gender `{ $gender }` is not 男 or 女
    .fix = write `gender: 男` or `gender: 女`
birth-missing = `birth` is missing
    .fix = add the year and month of birth, e.g. `birth: 1986-05`
channel-missing = `channel` is missing
    .fix = add `channel: county`, `society` or `university`
summary-missing = `summary` is missing
    .fix = add a short summary (简要事迹)
summary-too-long = summary has { $chars } characters, the notice allows { $max }
    .fix = shorten it by { $over } characters
consent-missing = no record of the laureate's consent to publication
    .fix = PIPL art. 25 asks for the person's separate consent: record it as `consent: {"{"}date: 2022-04-18, file: 同意书.pdf{"}"}` (the form stays private)
story-empty = the story is empty
    .fix = write the laureate's story (主要事迹) in story.md
identity-excluded = identity `{ $identity }` ({ $word }) is excluded by the notice
    .fix = the notice excludes active military, civil servants and county-level or higher officials
prior-honor = honour `{ $honor }` looks provincial/ministerial or higher, or a 「最美」 title (`{ $word }`)
    .fix = people with such honours are in principle not nominated: confirm with the organisers
portrait-missing = no portrait
    .fix = add a 2-inch frontal colour photo as photos/{ $name }0.jpg
portrait-missing-team = no portrait
    .fix = add the team's group photo (团队合影) as photos/{ $name }0.jpg
portrait-misnamed = no portrait
    .fix = `{ $from }` has the shape of a 2-inch portrait: rename it to { $to } (`laurel check --fix-names` renames every photo at once)
portrait-shape = portrait is { $width }x{ $height }, not the 35:45 of a 2-inch photo
    .fix = crop it to 35:45 (e.g. 700x900) around the face
portrait-too-small = portrait is only { $width } px wide
    .fix = send a scan or photo at least { $min } px wide
photo-count-low = { $count } life/work photos, the notice asks for { $min }–{ $max }
    .fix = add photos of the laureate at work or in daily life
photo-count-high = { $count } life/work photos, the notice asks for { $min }–{ $max }
    .fix = choose the best ones and remove the rest
photo-format = `.{ $ext }` photo: the notice asks for JPEG
    .fix = export the photo as JPEG
photo-size = { $kb } KB, the notice asks for at least { $min } KB
    .fix = send the original file from the camera or phone, not a copy from a chat app
photo-name-portrait = `{ $from }` has the shape of the 2-inch portrait, which the notice names 姓名0
    .fix = rename it to { $to } (`laurel check --fix-names` renames every photo of the folder at once and updates profile.yaml)
photo-name = named `{ $from }`, the notice asks for 姓名+序号: `{ $to }`
    .fix = rename it to { $to } (`laurel check --fix-names` renames every photo of the folder at once and updates profile.yaml)
photo-caption = no caption (图说); the alt text falls back to a generic description
    .fix = add `caption:` for this photo under `photos:` in profile.yaml
video-captions = the video has no captions; viewers who cannot hear it (or have the sound off) miss what is said
    .fix = put a .vtt or .srt file with the video's name beside it (e.g. videos/田间.srt for videos/田间.mp4)
video-format = not a readable MP4/MOV video: { $why }
    .fix = export the clip again as MP4 (H.264) from the phone or editing app
video-duration = { $seconds } s long, the notice allows { $max } s
    .fix = trim the clip
video-resolution = { $size } as shown, the notice asks for { $allowed }
    .fix = export the clip at one of those sizes
placeholder-story = the story still holds placeholder text: 「{ $text }」
    .fix = replace it with the real text (or delete the line), so it does not go live
placeholder-field = `{ $field }` still holds placeholder text: 「{ $text }」
    .fix = replace it with the real text (or delete the line), so it does not go live
broken-link = link `{ $address }` leads to no page of the site
    .fix = link to a page of the site: another laureate as /laureates/<slug or folder name>/ or ../<folder name>/, a card as /cards/<slug>/, or /gallery/, /kit/, /publicity/, an extra page as /<slug>/ or @/pages/<file>.md; in a site of several years, a page of a given year starts with it: /2022/laureates/<slug or folder name>/ or @/2022/laureates/<folder>/story.md
html-removed = { $what } is removed from the page
    .fix = write the story in plain Markdown: stories from nominating units may not carry scripts, styles or players from other sites
broken-image = image `{ $address }` in the story is not published
    .fix = list the photo under `photos:` in profile.yaml instead: it then appears with its caption
shared-photo-other = the same photo is also used by { $name }
    .fix = each laureate needs photos of their own
shared-photo-twice = the same photo is also { $file }
    .fix = remove one of the two copies
base-url-missing = base_url is not set: the sitemap, the feed, shared links and the QR codes need the address the site is published at
    .fix = add e.g. `base_url: https://www.example.gov.cn/zuimei/` to site.yaml
campaign-partial = { $unloaded } laureate folder(s) could not be loaded: the campaign-wide rules (quotas, the young share) counted only the { $total } that did
    .fix = fix the load errors above and check again for the campaign-wide figures
laureate-quota = { $selected } laureates selected, the campaign chooses { $places }
    .fix = mark the nominees who were not selected `status: not_selected` (未入选): they stay in the folders for the record and are never published
province-picks = { $picks } laureates are marked `province_pick`, the campaign puts forward { $wanted }
    .fix = mark exactly that many with `province_pick: true` once the selection is made
channel-quota = { $unit } nominated { $count } ({ $names }), a { $channel } may nominate at most { $quota }
    .fix = withdraw the extra nominations or correct `recommender`
young-share = { $young } of { $counted } nominees are under { $age }, the notice asks for at least { $percent }%
    .fix = nominate more young scientists and engineers{ $teams ->
        [leader] {" "}(a team counted once, as young when its leader is: `campaign.rules.young_team` in site.yaml)
        [majority] {" "}(a team counted once, as young when most of its members are: `campaign.rules.young_team` in site.yaml)
        [exclude] {" "}(teams were left out: `campaign.rules.young_team` in site.yaml)
       *[none] {""}
    }

# Private data in public text (private-data).
private-in-public = { $place ->
        [story] the story
        [introduction] the introduction
        [page] the page
       *[field] { $field }
    } holds { $kind ->
        [private] { $owner }'s private `{ $key }` ({ $masked })
        [mobile] a mobile number ({ $masked })
        [email] an e-mail address ({ $masked })
       *[id-number] an ID card number (身份证号) ({ $masked })
    }, which would be published
    .fix = delete it from the public text: a laureate's contact data belongs under `private:` in profile.yaml, which only `laurel export` reads; if it is an office hotline or address meant to be public, list it under `public_contacts:` in site.yaml

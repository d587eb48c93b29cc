# What laurel says when a site's files cannot be read: profile.yaml, story.md, pages (English).
# `.fix` is the advice shown under the problem. Arguments are written $like_this.

diagnostic-error = error: { $diagnostic }
diagnostic-help = help: { $hint }

file-unreadable = cannot read the file: { $why }
file-not-utf8 = the file is not UTF-8 text: it looks like { $encoding ->
        [gbk] GBK/GB18030 (as Windows Notepad and WPS save Chinese text)
        [utf8-broken] UTF-8 with errors
        [utf16-broken] UTF-16 with errors
       *[legacy] a legacy encoding, not UTF-8
    }
    .fix = save it as UTF-8: in Notepad or WPS choose 另存为 → 编码 UTF-8; on a terminal, `iconv -f GB18030 -t UTF-8 old > new`
folder-unreadable = cannot read this folder

# Lists inside a message: `a`, `b`, `c`.
list-separator = ,{" "}
# A YAML key as editors know it.
field-label = `{ $key }`
# Where in the file serde found a problem: `photos[0].file: `.
yaml-place = { $path }:{" "}
# A kind of YAML value (serde's words in $text).
yaml-kind = { $kind ->
        [struct] `key: value` lines
       *[other] { $text }
    }

yaml-unclosed-quote = a quote opened on this line is never closed
    .fix = close the quote at the end of the value (「"…"」), or remove it: YAML values need no quotes
yaml-tab = this line is indented with a tab; YAML allows only spaces
    .fix = replace the tab with spaces (two per level), as on the lines around it
yaml-full-width-colon = `{ $key }：` is written with a full-width colon 「：」
    .fix = write a half-width colon and a space: `{ $fixed }`
yaml-missing-field = { $place }missing field { $field }
    .fix = add `{ $key }:` here
yaml-duplicate-field = { $place }duplicate field { $field }
    .fix = the key is written twice: keep one of them
yaml-wrong-type = { $place }invalid type: { $found }, expected { $expected }
yaml-wrong-type-list = { $place }invalid type: { $found }, expected { $expected }
    .fix = write a list, one `- item` per line under the key
yaml-not-single = { $place }expected a single value, not a list or mapping
yaml-not-singles = { $place }expected a list of single values, not of lists or mappings
yaml-not-a-date = { $place }`{ $text }` is not a date: write it as YYYY-MM-DD
yaml-syntax = { $place }{ $detail }
yaml-syntax-layout = { $place }{ $detail }
    .fix = check the indentation and that each `key: value` pair has a space after the colon
yaml-unknown-field = { $place }unknown field `{ $key }`, expected one of { $expected }
    .fix = known fields are: { $expected }
yaml-unknown-field-guess = { $place }unknown field `{ $key }`, expected one of { $expected }
    .fix = did you mean { $guess }?
yaml-unknown-value = { $place }unknown variant `{ $value }`, expected one of { $expected }
    .fix = use one of: { $expected }
yaml-unknown-value-guess = { $place }unknown variant `{ $value }`, expected one of { $expected }
    .fix = did you mean `{ $guess }`?

profile-missing = the laureate folder has no profile.yaml
    .fix = every laureate folder needs one; `laurel new NAME` creates a folder with it
story-missing = the laureate folder has no story.md
    .fix = write the laureate's story (主要事迹) in story.md next to profile.yaml
name-missing = the profile has no { $field }
    .fix = add a line such as `name: 张三`
path-escapes = path `{ $path }` leaves the laureate's folder
    .fix = write paths relative to the laureate's folder, e.g. photos/张三1.jpg
path-missing = file `{ $path }` does not exist
    .fix = check the spelling, or put the file into the laureate's folder
path-missing-near = file `{ $path }` does not exist
    .fix = did you mean `{ $near }`? It is in the folder, named slightly differently
file-kind = `{ $name }` is not a supported { $kind ->
        [video] video
       *[image] image
    } file
    .fix = use one of: { $allowed }
file-heic = `{ $name }` is not a supported { $kind ->
        [video] video
       *[image] image
    } file
    .fix = HEIC photos from iPhones cannot be published: convert it to JPEG (e.g. open and export it, or set the camera to 'Most Compatible')
consent-date = consent date `{ $date }` is not a date
    .fix = write it as YYYY-MM-DD, e.g. consent: {"{"}date: 2022-04-18, file: 同意书.pdf{"}"}
team-key-on-person = { $field } is for a team nomination, and this profile is a person's
    .fix = add `kind: team` for a team (团队), or remove the line
team-leader-missing = a team needs its `leader` (团队负责人)
    .fix = add a line such as `leader: 陈晓燕`
birth-invalid = birth `{ $birth }` is not a year and month
    .fix = write it as YYYY-MM, e.g. birth: 1986-05
province-pick-unselected = `province_pick: true` on a nominee who is not selected
    .fix = only a selected laureate (`status: selected`, 入选) can be put forward to the province: select them first, or remove province_pick
category-unknown = category `{ $category }` is not one of the campaign's categories
    .fix = use one of: { $allowed } (set in site.yaml)
slug-invalid = slug `{ $slug }` is not usable in a URL
    .fix = use lower-case letters, digits and single hyphens, e.g. li-ming-yuan
slug-taken = slug `{ $slug }` is also used by { $other }
    .fix = give one of them a different `slug:`
focus-outside = focus { $focus } of `{ $file }` is outside 0–1
    .fix = write the focal point as [x, y] from the top left, e.g. focus: [0.5, 0.3]
page-url-taken = page URL /{ $slug }/ is already taken
    .fix = set another `slug:` in the page's front matter
page-slug-invalid = page slug `{ $slug }` is not usable in a URL
    .fix = use lower-case letters, digits and single hyphens

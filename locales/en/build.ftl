# What the build warns about (English).

build-base-url-missing = base_url is not set in site.yaml: the sitemap lists no pages, share tags and the feed have no absolute links, and the cards and the media kit have no QR codes; set base_url to the address the site is published at
build-placeholder = { $place }: `{ $field }` still holds placeholder text 「{ $text }」, which is published as it is

# What the build warns about (English).


# Templates and pages that fail (render).
template-render-failed = rendering { $page } failed: { $why }
    .fix = fix the template, or delete the site's copy to use the built-in one
template-article-failed = rendering the article of { $name } failed: { $why }
    .fix = fix the template, or delete the site's copy to use the built-in one
template-error = template error: { $why }
    .fix = see the Tera template documentation for the syntax
template-unreadable = cannot read the template: { $why }
theme-file-unreadable = cannot read: { $why }
theme-missing = theme `{ $name }` not found: there is no folder themes/{ $name }/
    .fix = create the theme folder, or remove `theme:` to use the built-in default theme
media-no-jpeg = the media stage made no JPEG of this image
    .fix = delete .laurel-cache/ and build again
old-urls-year-unknown = old_urls_year { $year } is not one of the site's years ({ $years })
    .fix = name the year whose pages were at the site root before it held several years (a folder under content/)
rename-target-exists = { $path } exists already: move it away and try again
# Raw HTML removed from a story (html-removed's $what).
removed-script-link = the link to `{ $url }` (a script, not a page)
removed-element = the <{ $name }> element{ $name ->
        [iframe] : videos belong in the laureate's videos/ folder (MP4 or MOV), not in players from other sites
        [video] : videos belong in the laureate's videos/ folder (MP4 or MOV), not in players from other sites
        [embed] : videos belong in the laureate's videos/ folder (MP4 or MOV), not in players from other sites
        [object] : videos belong in the laureate's videos/ folder (MP4 or MOV), not in players from other sites
        [script] : pages run no scripts from stories
       *[other] {""}
    }
year-begun-already = the { $year } campaign was begun already (content/{ $year }/ exists)
    .fix = look at that year under Phases and years, or move the folder away first
year-begun-header = the { $year } campaign's settings: copied from { $from }; fill in the year's dates, phase and 公示 from its notice

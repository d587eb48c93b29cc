# The command line's own words (English).

report-legend = { $error } must be fixed before the nominations go forward; { $warning } are worth a look.
severity-error = error
severity-warning = warning
report-campaign = Campaign
report-fix = fix: { $fix }
report-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
report-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
report-group-total = { $heading }: { $errors }, { $warnings }
report-total = { $laureates ->
    [one] 1 laureate
   *[other] { $laureates } laureates
} checked{ $unloaded ->
    [0] {""}
    [one] {" "}(1 laureate could not be loaded)
   *[other] {" "}({ $unloaded } laureates could not be loaded)
}: { $errors }, { $warnings }

failed-with-count = { $what } ({ $count ->
    [one] 1 problem
   *[other] { $count } problems
})
failed-build = build failed; the previous output was left as it was
failed-init = could not create the site
failed-new = could not add the laureate
failed-review-load = not every nominee could be read
failed-review = the review command did not finish
failed-serve-start = could not start the preview server
failed-serve-stopped = the preview server stopped
failed-deploy = deploy stopped
failed-export = export failed
failed-site-yaml = site.yaml cannot be loaded
build-done = Built { $laureates ->
    [one] 1 laureate
   *[other] { $laureates } laureates
}: { $pages } pages and assets, { $media } media files into { $output } in { $seconds }s
build-up-to-date = Nothing changed since the last build: { $output } is up to date ({ $laureates ->
    [one] 1 laureate
   *[other] { $laureates } laureates
}; checked in { $seconds }s)

warning-line = warning: { $text }

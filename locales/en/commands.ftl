# What init, new, serve, deploy, export and review say, and the command line's own errors
# (English).

cli-error = error: { $text }
cli-hint = help: { $text }
cli-bad-date = `{ $text }` is not a date: YYYY-MM-DD
cli-no-site = { $root } has no { $file }
cli-no-site-hint = run laurel in a site folder, pass --root DIR, or create a site with `laurel init DIR`
cli-no-year = the site has no year { $year }: it has { $has }
cli-year-single = only { $year } (site.yaml's campaign.year)
cli-no-year-hint = a site of several years keeps each year in content/<year>/laureates/

progress-template = { $label } { $bar } { $done }/{ $all } ({ $eta } left)
progress-images = images
progress-uploads = uploads

init-done = Created a new site in { $dir }. Build it with: laurel build --root { $dir }
init-done-empty = Created a new site in { $dir }. Fill in site.yaml, then add the first laureate with: laurel new 姓名 --root { $dir }
new-done = Created { $folder }: fill in profile.yaml and story.md, and add photos.

check-rename = rename { $from } → { $to }
check-rename-failed = renaming the photos of { $name } failed: { $error }
check-renamed = { $count ->
    [one] 1 file
   *[other] { $count } files
} renamed

serve-open-to-network = serving on { $address } makes the preview reachable by other machines on the network; stop with Ctrl-C when you are done
serve-serving = Serving { $url } (Ctrl-C to stop)
serve-first-build = initial build
serve-files = { $count } files
serve-rebuilt = { $what }: rebuilt { $done } in { $millis } ms
serve-failed = { $what }: the build failed; still serving the last good site
serve-no-browser = could not open a browser ({ $opener }); open { $url } yourself

deploy-new = new
deploy-changed = changed
deploy-delete = delete
deploy-done = { $dry_run ->
    [yes] Dry run, nothing changed on
   *[no] Deployed to
} `{ $target }`: { $uploaded } uploaded ({ $bytes }), { $unchanged } unchanged, { $deleted } deleted; { $requests } requests in { $seconds }s

export-bad-format = { $file }: laurel exports .xlsx (Excel) or .csv, not .{ $ext }
export-bad-format-hint = name the file e.g. 推荐人选汇总表.xlsx
export-done = Wrote { $file } ({ $count ->
    [one] 1 laureate
   *[other] { $count } laureates
}). It holds private contact data: do not publish it.
export-left-out = note: left out { $count ->
    [one] 1 folder
   *[other] { $count } folders
} that could not be loaded: { $names }. `laurel check` says why.
export-dossier-done = Wrote the jury's material: { $file } ({ $count } nominees: { $selected } selected, { $not_selected } not selected, { $nominated } undecided), and one page per nominee in { $folder }.
export-dossier-private = It holds no contact data or ID numbers; it is for the jury only: do not publish it.
export-joint-done = Wrote the joint review table: { $file } ({ $count } selected). It holds ID numbers and other personal data: for the joint review only, do not pass it on.
export-province-done = Wrote the package to the province: { $file } ({ $count } province picks: { $names }; each one's 推荐表, photos and videos, and the 汇总表). It holds phone and ID numbers: do not publish it.
export-province-small = note: { $count ->
    [one] 1 photo is
   *[other] { $count } photos are
} smaller than the 2MB the notice asks for (so they came; laurel does not enlarge photos); ask the recommending units for larger originals if they have them.

review-wrote = Wrote { $file }
review-select-wrote = Wrote { $count ->
    [one] 1 profile.yaml
   *[other] { $count } profile.yaml files
}
review-select-dry = Nothing was written: run again with --yes once the plan is right

init-exists = a site already exists here
init-exists-hint = choose a new folder name, e.g. `laurel init my-campaign`
init-cannot-create = cannot create the site: { $error }
new-bad-name = `{ $name }` cannot be a folder name
new-bad-name-hint = give the laureate's name, e.g. `laurel new 张三`
new-exists = this laureate folder already exists
new-exists-hint = edit its profile.yaml, or choose another name
new-cannot-create = cannot create: { $error }

serve-what-static = nothing (static files are read from disk)
serve-what-pages = { $count } pages
serve-what-site = { $count } pages and assets of the whole site
serve-what-nothing = nothing
serve-cannot-open = cannot open the site folder: { $error }
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-cannot-listen-hint = choose another port with --port, e.g. --port 8080
serve-cannot-watch = cannot watch the site's files: { $error }
serve-stopped = the server stopped accepting connections

deploy-nothing-built = there is no built site to deploy
deploy-nothing-built-hint = run `laurel build` first; deploy publishes public/ as it is
operation-stopped = stopped as asked
operation-stopped-hint = a stopped build leaves the last built site in place; a stopped deploy is completed by the next one; start again at any time
deploy-no-targets = site.yaml has no deploy targets
deploy-no-targets-hint = add a `deploy:` list with an s3 or folder target (see README「laurel deploy」)
deploy-several-targets = site.yaml has several deploy targets ({ $names })
deploy-several-targets-hint = name the one to deploy to: `laurel deploy <name>`
deploy-no-such-target = no deploy target is named `{ $name }`
deploy-no-such-target-hint = the targets are: { $names }
deploy-cannot-read = cannot read: { $error }
deploy-too-many-deletions = this deploy would delete { $count } files from `{ $target }`, more than its max_deletes ({ $max }); nothing was changed
deploy-too-many-deletions-hint = check with `laurel deploy --dry-run` that public/ is the site you mean, then run again with --force (or raise max_deletes)
deploy-bad-endpoint = deploy target `{ $target }`: endpoint `{ $endpoint }` is not a URL
deploy-bad-endpoint-hint = e.g. endpoint: https://oss-cn-beijing.aliyuncs.com
deploy-bad-bucket = deploy target `{ $target }`: { $error }
deploy-bad-bucket-hint = check endpoint, bucket and region
deploy-no-credentials = deploy target `{ $target }` needs credentials
deploy-no-credentials-hint = set LAUREL_DEPLOY_ACCESS_KEY_ID and LAUREL_DEPLOY_SECRET_ACCESS_KEY in the environment (never in site.yaml)
deploy-tried = { $error } (tried { $times } times)
deploy-failed = deploy to `{ $target }`: { $what } failed: { $error }
deploy-failed-hint = the pages already published keep working; run the deploy again to finish it
deploy-reading-manifest = reading the manifest
deploy-listing = listing the bucket
deploy-uploading = uploading { $path }
deploy-deleting = deleting { $path }
deploy-no-path = deploy target `{ $target }` has no path
deploy-no-path-hint = give the folder target a `path:`, e.g. /srv/www/zuimei
deploy-cannot-swap = cannot swap in the new tree: { $error }
deploy-cannot-copy = cannot copy to { $to }: { $error }
deploy-cannot-write-manifest = cannot write the manifest: { $error }

export-unknown-format = unknown export format
export-unknown-format-hint = name the file .xlsx (Excel) or .csv
export-cannot-write-summary = cannot write the summary table: { $error }
export-cannot-write-dossier = cannot write the jury's material: { $error }
export-cannot-write-photo = cannot write the photo: { $error }
export-cannot-write-joint = cannot write the joint review table: { $error }
export-no-id-number = { $name } has no ID number (身份证号): the cell in the joint review table is empty
export-no-id-number-under-private = add a line  id_number: "18位身份证号"  under this private: line
export-no-id-number-no-private = add a line private: at the end of the file, and under it  id_number: "18位身份证号"
export-into-published = the jury's material holds personal data and cannot go into the published folder { $folder }/
export-into-published-hint = choose another folder, e.g. under review/ (the default)
export-no-photo = the photo could not be made
export-no-province-picks = no nominee is put forward to the province
export-no-province-picks-hint = write province_pick: true in the profile.yaml of a selected laureate (status: selected)
export-cannot-write-province = cannot write the package to the province: { $error }
export-cannot-read = cannot read: { $error }
export-cannot-make-form = cannot make the 推荐表: { $error }

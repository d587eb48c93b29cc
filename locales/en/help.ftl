# `laurel --help`: what each command and option is for (English).
# `about-<command>` is a command's line; `help-<command>-<option>` an option's, else the shared
# `help-<option>`. A `.value` attribute names the option's value in the usage line.

about-laurel = laurel builds laureate showcase sites from a folder of profiles, stories and photos
about-build = Build the site into the output folder (public/ by default)
about-init = Create a new site: the example campaign, or with --empty a real campaign's start
about-new = Add a laureate folder with a commented profile.yaml and story.md
about-check = Check every nomination against the campaign's rules (exit 1 on any error)
about-export = Write the summary table (推荐人选汇总表) as .xlsx or .csv, with private contact data
about-serve = Preview the site while you edit: serve it locally and reload pages on every change
about-import = Turn nominations as received (推荐表 .docx, 汇总表 .xlsx, photos, videos; folders or .zip) into laureate folders, never over an editor's changes
about-deploy = Publish public/ to a target in site.yaml (object storage or a folder), uploading only what changed. Credentials come from LAUREL_DEPLOY_ACCESS_KEY_ID and LAUREL_DEPLOY_SECRET_ACCESS_KEY
about-review = The jury's round (评审): score sheets, their tally, the selection recorded
about-review-sheets = Write a 评分表 (.xlsx) per judge of campaign.review (default: review/<year>/)
about-review-tally = Read the judges' filled sheets, rank the nominees and check the proposed selection
about-review-select = Record the selection in the profiles (status, decided_by, decided_on)
about-help = Print this message or the help of the given command(s)

help-help = Print help
help-version = Print version
help-lang = The language laurel speaks: zh (简体中文) or en; else LAUREL_LANG, else the system's
    .value = LANG
help-root = The site folder (holding site.yaml)
    .value = ROOT
help-year = In a site of several years, the year (default: the newest)
    .value = YEAR
help-format = Output format: text for people, json for scripts
    .value = FORMAT
help-quiet = Print only errors and warnings (no progress bar, no summary)
help-dry-run = Print what would be written, and write nothing

help-build-output = The output folder; relative paths are taken from the site folder
    .value = OUTPUT
help-init-dir = Folder to create the site in
    .value = DIR
help-init-empty = Start a real campaign: the notice's rules, no example people or texts
help-new-name = The laureate's name, used as the folder name (e.g. 张三)
    .value = NAME
help-check-format = Output format: text for people, json for scripts and CI
help-check-only = Show only errors (hide warnings)
    .value = ONLY
help-check-fix-names = Rename portraits and photos to the notice's 姓名0, 姓名1 … (printing each rename and updating profile.yaml), then check
help-check-year = In a site of several years, the year to check, with its own rules (default: the newest)
help-export-output = The file (or, with --dossier, the folder) to write (--out works too); the table: .xlsx or .csv (UTF-8 with BOM), 推荐人选汇总表.xlsx by default
    .value = OUTPUT
help-export-dossier = The jury's 汇编 of every nominee (HTML for print, with photos), into review/<year>/dossier/ by default
help-export-joint-review = The 联审 table of the selected (身份证号 and more from private:), into review/<year>/联审信息表.xlsx by default
help-export-province = The package to the province: the province picks' 推荐表 .docx, photos, videos and 汇总表 in one zip, into review/<year>/ by default
help-export-group-by-unit = Order the rows by recommending unit
help-export-year = In a site of several years, the year to export (default: the newest)
help-serve-port = The port to listen on (0 picks a free one)
    .value = PORT
help-serve-bind = The address to listen on; other machines (a phone on the office network) can reach the preview only with e.g. --bind 0.0.0.0
    .value = BIND
help-serve-open = Open the front page in the default browser
help-import-sources = Folders or .zip files as the units sent them
    .value = SOURCES
help-deploy-target = The target's name in site.yaml's `deploy:` list (may be left out when there is one)
    .value = TARGET
help-deploy-output = The built site to publish; relative paths are taken from the site folder
    .value = OUTPUT
help-deploy-dry-run = List every upload and deletion with its size, and change nothing
help-deploy-force = Delete more files than the target's max_deletes
help-deploy-quiet = Print only errors (no progress bar, no summary)
help-review-sheets-out = The folder to write into (never under public/)
    .value = OUT
help-review-tally-files = The filled 评分表 files
    .value = FILES
help-review-tally-format = Output format on the terminal
help-review-tally-out = Also write the proposal as .xlsx or .json
    .value = OUT
help-review-select-from = The proposal (JSON) of `review tally --out proposal.json`, as the editors confirmed it
    .value = FROM
help-review-select-top = Take the tally's top places from these filled sheets
help-review-select-files = With --top: the filled 评分表 files
    .value = FILES
help-review-select-by = Who decided (e.g. 评审委员会)
    .value = BY
help-review-select-on = The date of the decision (YYYY-MM-DD; default today)
    .value = ON
help-review-select-yes = Write the profiles; without it the plan is printed and nothing is written

# The frame of every help page.
help-usage-line = Usage: { $usage }
help-usage-options = [OPTIONS]
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-command-value = COMMAND
help-default = {" "}[default: { $value }]
help-possible = {" "}[possible values: { $values }]

about-studio = Edit the campaign in the browser (在浏览器中编辑): a studio on 127.0.0.1
help-studio-port = The port on 127.0.0.1 (0 picks a free one)
    .value = PORT
help-studio-no-open = Do not open the studio in the default browser
# A heading and its colon.
help-heading-line = { $heading }:

# Mistakes on the command line.
parse-error = error: { $what }
parse-unknown-argument = unexpected argument '{ $arg }' found
parse-unknown-command = unrecognized subcommand '{ $command }'
parse-invalid-value = invalid value '{ $value }' for '{ $arg }' [possible values: { $valid }]
parse-bad-value = invalid value '{ $value }' for '{ $arg }': { $why }
parse-missing = the following required arguments were not provided: { $arg }
parse-missing-command = a subcommand is required
parse-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
parse-wrong-values = wrong number of values for '{ $arg }'
parse-did-you-mean = tip: a similar one exists: '{ $suggestion }'
parse-more = For more information, try '--help'.

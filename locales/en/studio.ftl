# laurel studio: the campaign in a browser (English).
# Messages without arguments are also read by the studio's scripts (/api/messages).

studio-title = laurel studio
studio-started = Open the address above in a browser to edit (it holds this session's key: keep it to yourself); Ctrl-C stops the studio.
studio-refused-host = Forbidden: this is not the address of a laurel studio on this computer
studio-refused-secret = Forbidden: open the studio with the whole address laurel studio printed (with key=…)
studio-refused-write = Forbidden: only the studio's own pages can save
studio-too-large = Too large: at most { $limit } MB
studio-loading = Reading the campaign…
studio-load-failed = Cannot read the campaign; see the window running laurel studio
studio-nominees = Nominees
studio-selected = Selected
studio-province = Province picks
studio-young = Young
studio-young-note = young share at least
studio-findings-total = Check
studio-errors = errors
studio-warnings = warnings
studio-clean = no problems
studio-search = Search name, unit, recommender
studio-all-categories = All categories
studio-all-states = Any state
studio-only-errors = With errors
studio-only-warnings = Warnings only
studio-only-clean = No problems
studio-none-match = No nominee matches
studio-no-nominees = No nominees yet
studio-no-portrait = no portrait
studio-unloaded = profile cannot be read
studio-status-nominated = nominated
studio-status-selected = selected
studio-status-not-selected = not selected
studio-young-mark = young
studio-units = Quotas per recommending unit
studio-unit-over = over quota
studio-campaign-findings = Campaign findings
studio-no-campaign-findings = No campaign-wide findings
studio-fix = Fix
studio-shown = shown
studio-of = of
studio-reload = Check again
studio-failed-start = could not start the studio
studio-failed-stopped = the studio stopped
studio-new = Add a nominee
studio-new-name = Name
studio-new-add = Add
studio-new-done = Added; fill in profile.yaml and story.md

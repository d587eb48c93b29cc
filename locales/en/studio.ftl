# laurel studio: the campaign in a browser (English).
# Messages without arguments are also read by the studio's scripts (/api/messages).

studio-title = laurel studio
studio-site = Preview the site
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
studio-checking = checking…
studio-unchecked = not checked
studio-check-failed = The check could not be done: see the window running laurel studio, then press Check again
studio-more = Show more
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

# Photos and videos (photos.js)
studio-media-title = Photos and videos
studio-media-back = ← Back to all nominees
studio-media-drop = Drop photos or videos here, or click to choose (several at once; JPEG, PNG, HEIC, MP4, MOV)
studio-media-choose = Choose files
studio-media-uploading = Uploading, in all
studio-images-making = Making the site's images
studio-images-made = The site's images are made
studio-images-failed = could not be made; check says why
studio-media-portrait = Portrait (name0)
studio-media-photos = Life and work photos
studio-media-videos = Videos
studio-media-limit-photos = Photos
studio-media-each-at-least = , each at least
studio-media-limit-portrait = Portrait
studio-media-width-at-least = at least
studio-media-limit-videos = Videos
studio-media-at-most = at most
studio-media-or = { " " }or{ " " }
studio-media-limit-upload = Largest upload (photo / video)
studio-media-unreadable = length and size could not be read
studio-goto-field = Put it right
studio-goto-media = Photos and videos
studio-in-site-yaml = Change it in site.yaml (open it in a text editor)
studio-story-pasted-image = pasted-image-
studio-story-images-went = The images went to the photos (the story keeps only text)
studio-media-poster = Poster
studio-media-caption = Caption
studio-media-up = Earlier
studio-media-down = Later
studio-media-make-portrait = Make the portrait
studio-media-original = uploaded as
studio-media-focus = Click the photo to set its focal point: the site crops around it
studio-media-video-title = Video title
studio-media-saving = Saving…
studio-media-saved = Saved to profile.yaml
studio-media-conflict = profile.yaml was changed elsewhere and nothing was saved: reload this page, then make the change again
studio-upload-kind = “{ $name }” cannot be uploaded: only JPEG, PNG and HEIC photos and MP4 and MOV videos are taken
studio-upload-too-large = The file is too large: at most { $limit } MB
studio-upload-failed = The upload could not be saved: { $why }
studio-upload-unreadable = “{ $name }” cannot be read and was not saved: { $why }
studio-receive-tab = Receive material
studio-receive-title = Receive nominations
studio-receive-note = Drop what the recommending units sent here: folders, .zip files, nomination forms (Word), summary tables (Excel or CSV), photos and videos, many at once. The material is kept in the staging folder .laurel-studio/inbox/ inside the site (check and build do not read it) and the import plan is listed; nothing is written to the campaign before you press “Import”.
studio-receive-limits = Upload limits
studio-receive-limit-file = one file
studio-receive-limit-batch = one batch
studio-receive-limit-files = files
studio-receive-drop = Drop folders or files here, or:
studio-receive-choose-files = Choose files…
studio-receive-choose-folder = Choose a folder…
studio-receive-sending = Uploading
studio-receive-planning = Reading the material and planning the import…
studio-receive-plan = Import plan (nothing written yet)
studio-receive-plan-note = Importing will bring in
studio-receive-people = nominees (teams)
studio-receive-problems = Files that cannot be read or need a look
studio-receive-team = team
studio-receive-units = Recommending units
studio-receive-no-unit = (no unit given)
studio-receive-forms = forms
studio-receive-rows = summary rows
studio-receive-files = Files received
studio-receive-file-used = used
studio-receive-file-junk = system junk, not imported
studio-receive-file-unused = not used
studio-receive-action-new = new
studio-receive-action-updated = updated
studio-receive-action-unchanged = unchanged
studio-receive-action-kept = the editor's version kept
studio-receive-action-conflict = conflict: changed on both sides, left alone
studio-receive-confirm = Import
studio-receive-discard = Discard
studio-receive-discarded = Discarded; the staged material is deleted
studio-receive-importing = Importing…
studio-receive-done = Imported
studio-receive-to-dashboard = Back to the overview
studio-receive-too-many = Too many files in this batch: at most { $limit }
studio-receive-too-large = The file is too large: at most { $file } MB each, { $batch } MB for a batch
studio-receive-twice = This batch already has “{ $name }”
studio-handouts-tab = Hand-outs
studio-handouts-title = Hand-outs
studio-handouts-summary = Summary table of nominees
studio-handouts-xlsx = Download the summary table (Excel)
studio-handouts-csv = Download the summary table (CSV)
studio-handouts-private = holds personal data, for internal use only
studio-handouts-summary-note = The same as laurel export writes: one row per nominee that loads, with phone numbers. Send it to the organisers only; never put it on the site or in a chat group.
studio-handouts-kit = Material for new media (the last build)
studio-handouts-kit-note = For each published laureate: the card link, QR code, posters, long image and the other downloads, and the WeChat article draft. The material comes from the last build in public/; build again after changes.
studio-handouts-no-build = The site has not been built yet, so there is no material.
studio-handouts-go-build = Build the site
studio-handouts-not-built = Not in the last build (not selected, not in the 公示, or added since).
studio-handouts-card = Card link
studio-handouts-copy = Copy
studio-handouts-qr = The card's QR code
studio-handouts-article = WeChat article draft
studio-handouts-copy-body = Copy the body
studio-handouts-copy-summary = Copy the summary
studio-handouts-open-draft = Open the draft
studio-handouts-copied = Copied
studio-handouts-copy-failed = The browser does not allow copying; open the draft and copy by hand
studio-no-secret = no randomness for a secret: { $error }
studio-stopped = the studio stopped accepting connections
studio-conflict = This file changed since the studio read it (in another editor, or by an import): choose one of the two versions
studio-not-writable = The studio does not write this file: only the material under content/ and site.yaml
studio-not-found = Not found: the address is wrong, or the file or nominee is gone
studio-method-not-allowed = The studio does not take this kind of request
studio-bad-request = The request is not what the studio expects; reload the page and try again
studio-no-history = There is no earlier version to go back to
studio-cannot-write = Could not save: { $reason }
studio-unknown-field = The form has no field { $key }
studio-preview-unloaded = The profile cannot be read, so there is no preview yet: correct the fields marked red first
studio-status = { $status ->
        [nominated] nominated
        [selected] selected
       *[not_selected] not selected
    }
studio-field = { $key ->
        [name] Name
        [gender] Gender
        [birth] Born (year and month)
        [organization] Organization
        [title] Professional title
        [position] Position
        [field] Field
        [region] County or district
        [category] Category
        [channel] Channel
        [recommender] Recommending unit
        [identity] Identity
        [status] Status
        [decided_by] Decided by
        [decided_on] Decided on
        [province_pick] Put forward to the province
        [consent] Date the person agreed to publication
        [honors] Honours
        [quote] Quote
        [summary] Summary
        [private] Private data
       *[other] { $key }
    }
studio-choose = (choose)
studio-one-per-line = one per line
studio-private-example = one per line, e.g. phone: 13800000000
studio-required = required
studio-section-person = Person
studio-section-nomination = Nomination and selection
studio-section-deeds = Deeds and honours
studio-section-private = Private data (never published)
studio-private-note = Only laurel export reads these, for the dossiers; they never appear on the site, in the preview or on posters.
studio-unsaved = Unsaved changes
studio-saving = Saving…
studio-saved = Saved
studio-took-theirs = The version on disk was taken
studio-conflict-title = The file was changed elsewhere
studio-conflict-mine = The studio's version (my changes)
studio-conflict-theirs = The version on disk (changed elsewhere)
studio-keep-mine = Keep mine
studio-take-theirs = Take the one on disk
studio-nothing-to-undo = Nothing to undo
studio-undone = Undone
studio-undo = Undo
studio-save = Save
studio-back = Overview
studio-history = Earlier versions
studio-history-profile = Profile
studio-history-story = Story
studio-restore = Go back to this one
studio-restored = Restored
studio-changes-intro = Every change the studio made to a file, newest first. 「Restore」 brings the file back to what it was before that change; the restore is a change too, and can be taken back.
studio-changes-none = No changes yet: files saved in the studio are listed here.
studio-changes-lines = lines changed
studio-changes-restore = Back to before this change
studio-phases = Phases and years
studio-phase-intro = During the 公示 only the 公示 is published; the showcase publishes the whole site. Below is what each phase makes public with today's nominees and settings. The phase is written in
studio-phase-now = current phase
studio-phase-listed = People listed
studio-phase-nobody = nobody
studio-phase-switch = Switch to:
studio-phase-switched = Switched to:
studio-phase-pages = { $phase ->
        [publicity] Only the 公示 page (also the front page), extra pages and the 404 page are published; no profile, card, gallery, media kit, photo, poster, feed or search index.
       *[showcase] The front page and filters, a profile page and H5 card for each of { $count } people, the gallery, the media kit, photos and posters, the feed, the search index and the sitemap are published{ $publicity ->
            [yes] , and the 公示 page stays
           *[no] {""}
        }.
    }
studio-years = Years
studio-years-none = The site has no earlier years.
studio-year-look = (read only)
studio-year-read-only = · read only
studio-year-next = Begin the next campaign:
studio-year-next-note = The next campaign copies this one's settings (categories, rules and quotas, order, review); its year, dates, phase and 公示 are left to fill in. This year's nominees move to their year's folder, and the published addresses keep working.
studio-year-next-confirm = Begin the next campaign?
studio-year-begun = Begun:
studio-year-next-yes = Begin it
studio-settings = Settings
studio-settings-year-file = This year has its own campaign.yaml: the campaign, rules and quotas, and 公示 settings are read from and saved to it (site.yaml's own are for the years without one); the others are in site.yaml. This year's file:
studio-settings-intro = This is site.yaml: only the settings changed are written back, and the file keeps its comments and order. Checked by laurel check's rules as you type.
studio-settings-save = Save settings
studio-settings-conflict = site.yaml was changed elsewhere; the settings were not saved. Reload and change them again.
studio-settings-reload = Reload
studio-settings-none = (none)
studio-target-add = Add a deploy target
studio-target-remove = Remove this target
studio-target-secret-note = Keys are not written here: a deploy reads them from the environment, or from the deploy page for that run only.
studio-setting-section = { $section ->
        [site] Site
        [campaign] Campaign
        [rules] Rules and quotas
        [publicity] 公示
        [footer] Footer and registration
       *[deploy] Deploy targets
    }
studio-setting-choice = { $value ->
        [publicity] 公示 (publicity)
        [showcase] showcase
        [none] no selection recorded (the folders hold the laureates)
        [selection] selection recorded (the folders hold every nominee)
        [pinyin] by pinyin
        [strokes] by surname strokes
        [manual] manual
        [s3] object storage (S3-compatible)
       *[folder] a folder on this machine or a share
    }
studio-setting = { $key ->
        [title] Site title
        [subtitle] Subtitle
        [description] Description
        [organizer] Organiser
        [base_url] Address (URL) of the published site
        [campaign_name] Official name of the campaign
        [campaign_year] Year
        [campaign_reference_date] Ages computed at
        [campaign_phase] Phase
        [campaign_round] Selection round
        [campaign_order] Order of lists
        [campaign_categories] Categories (one per line)
        [campaign_publicise_nominees] The 公示 lists the nominees
        [campaign_rules_laureates] Places
        [campaign_rules_province_picks] Province picks
        [campaign_rules_selection_final] Selection final
        [campaign_rules_quotas_county] Quota per county
        [campaign_rules_quotas_society] Quota per society
        [campaign_rules_quotas_university] Quota per university
        [campaign_rules_young_age] Young: under age
        [campaign_rules_young_share] Young share at least (0 to 1)
        [campaign_rules_summary_max_chars] Summary at most (characters)
        [campaign_rules_photos_min] Photos at least
        [campaign_rules_photos_max] Photos at most
        [campaign_rules_photo_min_bytes] Photo size at least (bytes)
        [campaign_rules_portrait_min_width] Portrait width at least (px)
        [campaign_rules_video_max_seconds] Video length at most (s)
        [campaign_rules_require_consent] Consent required
        [campaign_rules_honor_keywords] Honour keywords (one per line)
        [campaign_rules_excluded_identities] Excluded identities (one per line)
        [campaign_publicity_start] 公示 from
        [campaign_publicity_end] 公示 until
        [campaign_publicity_phone] Objections: phone
        [campaign_publicity_email] Objections: e-mail
        [campaign_publicity_address] Objections: address
        [campaign_publicity_signed] Signed by
        [campaign_publicity_date] Signed on
        [public_contacts] Public contacts (one per line)
        [footer_organizers] Organisers (主办)
        [footer_undertaker] Undertaker (承办)
        [footer_icp] ICP registration
        [footer_police] Public-security registration
        [footer_site_code] Site code
        [footer_contact] Contact
        [footer_ipv6] Supports IPv6
        [deploy] Deploy targets
        [deploy_name] Name
        [deploy_kind] Kind
        [deploy_endpoint] Endpoint
        [deploy_bucket] Bucket
        [deploy_region] Region
        [deploy_prefix] Prefix
        [deploy_path_style] Path-style access
        [deploy_path] Folder
        [deploy_max_deletes] Deletions at most
       *[other] { $key }
    }
studio-story = Story (story.md)
studio-story-note = Markdown: a blank line between paragraphs, ## for a heading. Paste from Word or WPS directly; images pasted or dropped here go to the photos, the story keeps only text.
studio-preview = Preview
studio-preview-profile = Profile page
studio-preview-card = H5 card
studio-publish = Build and publish
studio-job-running = An operation is running: wait for it to finish, or stop it first
studio-job-none = No operation is running
studio-job-done = Done
studio-job-failed = Not finished
studio-job-stopped = Stopped
studio-job-images = Images
studio-job-files = Files
studio-stop = Stop
studio-stopping = Stopping…
studio-seconds = s
studio-step-waiting = Getting ready
studio-step-load = Reading and checking the material
studio-step-media = Processing images and videos
studio-step-posters = Drawing posters
studio-step-render = Rendering pages
studio-step-write = Writing the public/ folder
studio-step-compare = Comparing the site with the target
studio-step-upload = Uploading files
studio-step-delete = Deleting files the site no longer has
studio-build-title = Build the site
studio-build-note = Builds the whole site for publishing (the public/ folder), as laurel build does. Stopping half way leaves the last built site as it was.
studio-build-start = Build the site
studio-build-done = Built
studio-build-laureates = laureates
studio-build-pages = pages
studio-build-media = image and video files
studio-build-up-to-date = Nothing changed: the last built site is up to date
studio-build-warnings = Warnings
studio-build-no-warnings = No warnings
studio-build-problems = Not built, because
studio-build-stopped = Build stopped; the last built site is unchanged
studio-preview-phone = Phone (390 px wide)
studio-preview-desktop = Desktop (1280 px wide, shown at half size)
studio-deploy-title = Publish the site
studio-deploy-note = Publishes the built site (the public/ folder) to a deploy target of site.yaml, as laurel deploy does: first the plan (which files go up, which are deleted), and only once you confirm is the target changed. If stopped half way, publishing again finishes it.
studio-deploy-no-targets = site.yaml has no deploy target yet: add one under Deploy targets in Settings.
studio-deploy-not-built = The site is not built yet: build it above first.
studio-deploy-target = Deploy target
studio-deploy-key-title = Access key
studio-deploy-key-id = Access key ID
studio-deploy-secret = Secret access key
studio-deploy-key-note = The key is used for this publishing only: written to no file, never shown again, cleared from this page when the deploy ends.
studio-deploy-plan = Show the plan
studio-deploy-confirm = Publish
studio-deploy-will = Plan
studio-deploy-did = Published
studio-deploy-upload = upload
studio-deploy-delete = delete
studio-deploy-unchanged = unchanged
studio-deploy-files = files
studio-deploy-new = new
studio-deploy-changed = changed
studio-deploy-changes = File by file
studio-deploy-more = More files:
studio-deploy-over-limit = More files would be deleted than this target allows (max_deletes):
studio-deploy-confirm-deletions = I have checked them: delete these files
studio-deploy-confirm-deletions-first = Check the files to delete and tick the box before publishing
studio-deploy-stopped = Publishing stopped: the files already uploaded work; publish again to finish
studio-deploy-problems = Not published, because
studio-private-key-phone = phone
studio-private-key-email = e-mail
studio-private-key-id_number = ID card number
studio-private-key-ethnicity = ethnicity
studio-private-key-politics = political affiliation
studio-private-key-education = education
studio-private-key-address = postal address
studio-private-key-postcode = postcode
studio-private-key-opinion = the recommending unit's opinion
studio-publish-check-found = Check found
studio-publish-check-note = . Building and publishing do not stop for them: look at them before publishing,
studio-publish-check-see = on the Nominees screen
studio-publish-check-clean = Check found no problems.

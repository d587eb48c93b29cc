# What laurel.exe says when it is double-clicked in Explorer (English).

double-click-title = laurel, the laureate showcase builder
double-click-no-folder = Cannot find the folder laurel.exe is in. Run laurel.exe studio in a command prompt instead.
double-click-no-campaign = There is no campaign in this folder yet: { $folder }
double-click-ask-create = Create one here? Type Y and press Enter to create it, or just press Enter to quit:
double-click-created = Created the campaign. Fill in its settings and add the nominees in the browser.
double-click-how-to-stop = The studio is open in your browser (if not, copy the address above into it). Close this window when you are done: that stops the studio.
double-click-press-enter = Press Enter to close this window.

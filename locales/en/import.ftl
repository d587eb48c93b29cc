# What `laurel import` says about the material it receives, and its report (English).
# `.fix` is the advice shown under the problem. Arguments are written $like_this.

import-no-source = no such file or folder
    .fix = give the folder or .zip the unit sent
import-unreadable = cannot read: { $why }
import-zip-unreadable = not a readable zip archive ({ $why })
    .fix = ask the unit to send it again, or unpack it and import the folder
import-zip-password = the archive is password-protected
    .fix = ask the unit for an archive without a password, or unpack it and import the folder
import-zip-entry = an entry cannot be read ({ $why })
    .fix = ask the unit for an archive without a password, or unpack it and import the folder
import-zip-escape = the entry's path leads outside the archive; it was not imported
    .fix = ask the unit to pack the files again
import-zip-unpack = cannot be unpacked ({ $why })
import-not-docx = not a readable Word .docx file ({ $why })
    .fix = open it in Word or WPS and save it again as .docx
import-docx-encrypted = the document is password-protected
    .fix = ask the unit for a copy without a password
import-not-spreadsheet = not a readable spreadsheet ({ $why })
    .fix = open it in Excel or WPS and save it again as .xlsx
import-no-summary-sheet = this spreadsheet has no 汇总表 (no header row with 姓名, 性别 …); it was not used
    .fix = the 汇总表 needs the notice's column names in one row
import-unknown-kind = not a kind of file laurel imports; it was left out
    .fix = laurel imports .docx/.doc forms and stories, .xlsx/.xls summaries, JPEG/PNG/HEIC photos and MP4/MOV videos
import-form-nameless = this 推荐表 has no 姓名
    .fix = fill in the 姓名 cell of the form, or ask the unit for a complete form
import-office-missing = an old Word (.doc) or WPS file, and LibreOffice is not installed to convert it
    .fix = install LibreOffice (apt install libreoffice-writer) and import again, or open the file in Word or WPS and save it as .docx
import-office-missing-again = an old Word (.doc) or WPS file, and LibreOffice is not installed to convert it
    .fix = as above: install LibreOffice or re-save as .docx
import-office-failed = could not be converted to .docx: { $why }
    .fix = open it in Word or WPS and save it as .docx
import-heic-no-converter = a HEIC photo from an iPhone; it was not imported because heif-convert is not installed
    .fix = install libheif's tools (Debian/Ubuntu: apt install libheif-examples) and import again, or convert the photo to JPEG
import-heic-failed = the HEIC photo could not be converted: { $why }
    .fix = convert it to JPEG by hand, or ask for the original as JPEG
import-temp-folder = cannot create a temporary folder: { $why }

import-second-form = a second 推荐表 for { $name }; the first one was used
    .fix = remove the copy you do not want from the submission and import again
import-name-unusable = the form's 姓名 `{ $name }` cannot be a folder name
    .fix = correct the name in the form (at most 20 characters, no / \ : .)
import-row-without-form = { $name } is in the 汇总表, but no 推荐表 came
    .fix = the profile was made from the 汇总表 row; ask the unit for the form
import-disagree = the 推荐表 and the 汇总表 give { $name } different { $what ->
        [birth] birth months
        [gender] genders
        [recommender] recommending units
       *[unit] units
    }: `{ $form }` and `{ $summary }`
    .fix = ask the unit which is right; the 推荐表's value was used
import-second-story = a second 事迹材料; the first one was used
    .fix = keep one story document per candidate
import-unassigned = could not tell whose file this is; it was not imported
    .fix = put the candidate's name in the file or folder name, or send each candidate's files in a folder with their form
import-unit-unnamed = (no 推荐单位 given)
import-no-summary = sent { $count } 推荐表 but no 汇总表
    .fix = ask the unit for its 推荐人选汇总表 (附件2)
import-rows-without-forms = the 汇总表 lists { $names } with no 推荐表
    .fix = ask the unit for the missing 推荐表
import-contact-moved = the story holds contact data ({ $lines }); the line was moved into profile.yaml's private: and is not published
    .fix = check that the story still reads well without it
import-form-picture = { $form } (the picture in the form)
import-conflict = changed since the last import, and the newly received material changed too; the new version was not written over it
    .fix = compare it with { $from } and merge by hand if needed
import-cannot-write = cannot write: { $why }
import-cannot-write-record = cannot write the import record: { $why }

# The report.
import-action = { $action ->
        [new] new
        [updated] updated
        [unchanged] unchanged
        [kept] kept
       *[conflict] conflict
    }
import-problem = { $file }: { $message }
import-still-needed = still needed (laurel check):
import-units = Units
import-not-imported = Not imported
import-summary = { $dry ->
        [yes] would import
       *[no] imported
    } { $count ->
        [one] { $count } candidate
       *[other] { $count } candidates
    }{ $dry ->
        [yes] {" "}(dry run: nothing was written)
       *[no] {""}
    }

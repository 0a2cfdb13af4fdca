"""Fill cells of a workbook in LibreOffice Calc, as a clerk types them, and save it as .xlsx.

    /usr/bin/python3 test/fill-form.py PROFILE_DIR IN.xlsx OUT.xlsx G3=5800 H3=note ...

Run with the Python that has LibreOffice's UNO bridge (Debian's python3-uno). It starts its own
headless office (its own profile, a pipe named after the process), opens the workbook hidden, puts
each text into its cell with setFormula (what typing into the cell does: "5800" becomes a number,
"是" a text), saves it with Calc's Excel 2007-365 filter and closes the office. Sheet protection stops the
user interface, not this API, so a test checks the locked cells in the workbook's XML instead.
"""

import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    profile, source, target, *assignments = sys.argv[1:]
    pipe = f"kpi_fill_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        env={**os.environ, "HOME": profile},
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve(
                    f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
                )
                break
            except Exception:
                time.sleep(0.25)
        if context is None:
            print("LibreOffice did not answer", file=sys.stderr)
            sys.exit(2)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),)
        )
        sheet = document.Sheets.getByIndex(0)
        for assignment in assignments:
            ref, text = assignment.split("=", 1)
            cell = sheet.getCellRangeByName(ref)
            cell.setFormula(text)
        document.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(target)),
            (prop("FilterName", "Calc MS Excel 2007 XML"),),
        )
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


main()

#!/usr/bin/env python3
"""Writes SensorScript.java from sensor.js (run after editing the script; SensorScriptTest fails when they differ)."""
import json, pathlib
here = pathlib.Path(__file__).parent
lines = (here / "sensor.js").read_text().rstrip("\n").split("\n")
body = "\n            + ".join(json.dumps(l + "\n" if i < len(lines) - 1 else l) for i, l in enumerate(lines))
java = here.parent / "java/io/edgeward/edge/core/sensor/SensorScript.java"
template = (here / "SensorScript.java.in").read_text()
java.write_text(template.replace("@SOURCE@", body))

import subprocess
subprocess.run(["ssh", "router"])

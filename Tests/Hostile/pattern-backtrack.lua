-- flags: --timeout 1
return string.find(("a"):rep(300), ".-.-.-.-b$")

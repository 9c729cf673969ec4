return "\0\255\u{10FFFF}", string.rep("é", 100), ("x"):rep(3, ","), {["\0"] = "\n"}, math.mininteger, math.maxinteger

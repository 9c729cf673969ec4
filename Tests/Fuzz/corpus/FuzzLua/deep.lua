local t = {} for i = 1, 300 do t = {t} end return t, {[1]=1,[3]=3,[100000]=4}, {n = 1, [1] = "a"}

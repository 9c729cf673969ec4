local mt = getmetatable("")
print(type(mt), rawequal(mt, string), rawget(mt, "__index"), rawequal(getmetatable(""), mt))

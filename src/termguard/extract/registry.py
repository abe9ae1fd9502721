EXTRACTORS={}
def extract(): pass
def names(): pass

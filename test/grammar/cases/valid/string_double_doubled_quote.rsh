"say ""hi"""
